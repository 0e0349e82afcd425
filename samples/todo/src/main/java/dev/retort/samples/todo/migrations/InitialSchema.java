package dev.retort.samples.todo.migrations;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ServerDefault.now;
import static dev.retort.schema.ServerDefault.randomUuid;
import static dev.retort.schema.SqlType.BOOLEAN;
import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.TIMESTAMP_TZ;
import static dev.retort.schema.SqlType.UUID;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;
import dev.retort.dsl.TableBuilder;

/**
 * The seed's 20260201_initial_schema: users, conversations, messages and tasks; UUID keys (tasks
 * numbered instead), cascading foreign keys, indexes for the query paths, and created_at /
 * updated_at set by the database.
 */
@Revision(id = "20260201_initial", message = "initial schema")
public final class InitialSchema implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.createTable("users", t -> timestamps(t
                .column("id", UUID, c -> c.primaryKey().serverDefault(randomUuid()))
                .column("email", varchar(255), c -> c.notNull().unique())));
        op.createTable("conversations", t -> timestamps(t
                .column("id", UUID, c -> c.primaryKey().serverDefault(randomUuid()))
                .column("user_id", UUID, c -> c.notNull().references("users", "id").onDelete(CASCADE))
                .column("title", varchar(255))));
        op.createTable("messages", t -> timestamps(t
                .column("id", UUID, c -> c.primaryKey().serverDefault(randomUuid()))
                .column("conversation_id", UUID, c -> c.notNull().references("conversations", "id").onDelete(CASCADE))
                .column("role", varchar(20), c -> c.notNull())
                .column("content", TEXT, c -> c.notNull())));
        op.createTable("tasks", t -> timestamps(t
                .column("id", INTEGER, c -> c.primaryKey().identity())
                .column("user_id", UUID, c -> c.notNull().references("users", "id").onDelete(CASCADE))
                .column("title", varchar(255), c -> c.notNull())
                .column("description", TEXT)
                .column("completed", BOOLEAN, c -> c.notNull().serverDefault(false))));
        op.createIndex("ix_conversations_user_id", "conversations", "user_id");
        op.createIndex("ix_messages_conversation_id_created_at", "messages", "conversation_id", "created_at");
        op.createIndex("ix_tasks_user_id_completed", "tasks", "user_id", "completed");
    }

    private static TableBuilder timestamps(TableBuilder table) {
        return table
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now()))
                .column("updated_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now()));
    }
}
