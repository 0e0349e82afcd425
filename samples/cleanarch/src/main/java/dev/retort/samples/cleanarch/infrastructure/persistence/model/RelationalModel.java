package dev.retort.samples.cleanarch.infrastructure.persistence.model;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ServerDefault.now;
import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.TIMESTAMP_TZ;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.model.DeclaredSchema;
import dev.retort.model.SchemaBuilder;

/**
 * The seed's {@code models_relational.py} as the schema the persistence layer wants: what
 * {@code retort revision --autogenerate} and {@code retort check} compare the migrations with
 * ({@code --model class:dev.retort.samples.cleanarch.infrastructure.persistence.model.RelationalModel}).
 * It describes exactly what the migrations make at head, so autogenerate from an empty history
 * writes the same schema as they do.
 */
public final class RelationalModel implements DeclaredSchema {

    @Override
    public void declare(SchemaBuilder schema) {
        schema.table("users", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("email", varchar(255), c -> c.notNull().unique())
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now())));
        schema.table("conversations", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("user_id", BIGINT, c -> c.notNull().references("users", "id").onDelete(CASCADE))
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now())));
        schema.table("messages", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("conversation_id", BIGINT, c -> c.notNull().references("conversations", "id").onDelete(CASCADE))
                .column("role", varchar(20), c -> c.notNull())
                .column("content", TEXT, c -> c.notNull())
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now()))
                .column("edited_at", TIMESTAMP_TZ, c -> c.nullable()));
        schema.index("ix_messages_conversation_id", "messages", "conversation_id");
    }
}
