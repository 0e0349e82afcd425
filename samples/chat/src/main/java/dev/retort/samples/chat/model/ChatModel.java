package dev.retort.samples.chat.model;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ServerDefault.now;
import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.TIMESTAMP;
import static dev.retort.schema.SqlType.TIMESTAMP_TZ;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.model.DeclaredSchema;
import dev.retort.model.SchemaBuilder;

/**
 * The seed's {@code app/db/models.py} ({@code ChatModel}, {@code MessageModel}) as the schema the
 * chat backend wants: what {@code retort revision --autogenerate} and {@code retort check}
 * compare its migrations with ({@code --model class:dev.retort.samples.chat.model.ChatModel}).
 * It describes exactly what the migrations make at head: serial keys, and no constraint names,
 * as the database names them (the sample runs with the {@code database} naming convention).
 */
public final class ChatModel implements DeclaredSchema {

    @Override
    public void declare(SchemaBuilder schema) {
        schema.table("chats", t -> t
                .column("id", INTEGER, c -> c.primaryKey().serial())
                .column("title", varchar(200), c -> c.notNull())
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now()))
                .column("last_read_at", TIMESTAMP, c -> c.nullable()));
        schema.table("messages", t -> t
                .column("id", INTEGER, c -> c.primaryKey().serial())
                .column("chat_id", INTEGER, c -> c.notNull().references("chats", "id").onDelete(CASCADE))
                .column("role", varchar(20), c -> c.notNull())
                .column("text", TEXT, c -> c.notNull())
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now()))
                .column("text_length", INTEGER, c -> c.notNull()));
        schema.index("ix_messages_chat_id", "messages", "chat_id");
    }
}
