package dev.retort.samples.chatroom.migrations;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ServerDefault.now;
import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.TIMESTAMP;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

/**
 * Users, rooms and their messages, as the application's SQLAlchemy models made them: serial keys
 * ({@code Integer, primary_key=True}), and constraints the database names (the sample runs with
 * the {@code database} naming convention, as the application had none).
 */
@Revision(id = "a1c3e5f70912", message = "Initial schema")
public final class InitialSchema implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.createTable("users", t -> t
                .column("id", INTEGER, c -> c.primaryKey().serial())
                .column("username", varchar(50), c -> c.notNull().unique())
                .column("created_at", TIMESTAMP, c -> c.notNull().serverDefault(now())));
        op.createTable("rooms", t -> t
                .column("id", INTEGER, c -> c.primaryKey().serial())
                .column("name", varchar(100), c -> c.notNull().unique())
                .column("created_at", TIMESTAMP, c -> c.notNull().serverDefault(now())));
        op.createTable("messages", t -> t
                .column("id", INTEGER, c -> c.primaryKey().serial())
                .column("room_id", INTEGER, c -> c.notNull().references("rooms", "id").onDelete(CASCADE))
                .column("user_id", INTEGER, c -> c.notNull().references("users", "id"))
                .column("content", TEXT, c -> c.notNull())
                .column("created_at", TIMESTAMP, c -> c.notNull().serverDefault(now())));
    }
}
