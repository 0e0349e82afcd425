package dev.retort.samples.messaging.model;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ServerDefault.now;
import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.BOOLEAN;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.TIMESTAMP_TZ;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.model.DeclaredSchema;
import dev.retort.model.SchemaBuilder;

/**
 * The seed's {@code User} and {@code Message} models as the schema the backend wants: what
 * {@code retort revision --autogenerate} and {@code retort check} compare the migrations with
 * ({@code --model class:dev.retort.samples.messaging.model.MessagingModel}). It describes exactly
 * what the migrations make at head; its constraints are named by the same convention.
 */
public final class MessagingModel implements DeclaredSchema {

    @Override
    public void declare(SchemaBuilder schema) {
        schema.table("users", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("username", varchar(50), c -> c.notNull().unique())
                .column("email", varchar(255), c -> c.notNull().unique())
                .column("hashed_password", varchar(255), c -> c.notNull())
                .column("is_active", BOOLEAN, c -> c.notNull().serverDefault(true))
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now()))
                .column("display_name", varchar(100), c -> c.nullable()));
        schema.table("messages", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("sender_id", BIGINT, c -> c.notNull().references("users", "id").onDelete(CASCADE))
                .column("recipient_id", BIGINT, c -> c.notNull().references("users", "id").onDelete(CASCADE))
                .column("content", TEXT, c -> c.notNull())
                .column("is_read", BOOLEAN, c -> c.notNull().serverDefault(false))
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now())));
        schema.index("ix_messages_recipient_id_created_at", "messages", "recipient_id", "created_at");
        schema.index("ix_messages_sender_id", "messages", "sender_id");
    }
}
