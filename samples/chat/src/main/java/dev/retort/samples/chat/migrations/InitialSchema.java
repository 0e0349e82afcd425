package dev.retort.samples.chat.migrations;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ServerDefault.now;
import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.TIMESTAMP_TZ;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

/**
 * What the application's {@code create_all} made before it adopted Retort, written as a
 * migration: a new database gets it by upgrading, an existing one by {@code stamp} (its tables
 * are already there). {@code retort check} after the stamp shows the two agree: serial keys,
 * and constraints the database named (the sample runs with the {@code database} naming
 * convention, as the application had no naming convention), as SQLAlchemy made them.
 */
@Revision(id = "3f1d2c8a9b40", message = "Initial schema")
public final class InitialSchema implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.createTable("chats", t -> t
                .column("id", INTEGER, c -> c.primaryKey().serial())
                .column("title", varchar(200), c -> c.notNull())
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now())));
        op.createTable("messages", t -> t
                .column("id", INTEGER, c -> c.primaryKey().serial())
                .column("chat_id", INTEGER, c -> c.notNull().references("chats", "id").onDelete(CASCADE))
                .column("role", varchar(20), c -> c.notNull())
                .column("text", TEXT, c -> c.notNull())
                .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now())));
        op.createIndex("ix_messages_chat_id", "messages", "chat_id");
    }
}
