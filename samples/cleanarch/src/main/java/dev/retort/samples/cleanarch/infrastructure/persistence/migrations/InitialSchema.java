package dev.retort.samples.cleanarch.infrastructure.persistence.migrations;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ServerDefault.now;
import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.TIMESTAMP_TZ;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

/** The seed's "First Migration": the relational models as they stood. */
@Revision(id = "0c4f8a2e6b13", message = "initial schema")
public final class InitialSchema implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.createTable("users", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("email", varchar(255), c -> c.notNull().unique())
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now())));
        op.createTable("conversations", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("user_id", BIGINT, c -> c.notNull().references("users", "id").onDelete(CASCADE))
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now())));
        op.createTable("messages", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("conversation_id", BIGINT, c -> c.notNull().references("conversations", "id").onDelete(CASCADE))
                .column("role", varchar(20), c -> c.notNull())
                .column("content", TEXT, c -> c.notNull())
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now())));
        op.createIndex("ix_messages_conversation_id", "messages", "conversation_id");
    }
}
