package dev.retort.samples.chatroom.model;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ServerDefault.now;
import static dev.retort.schema.SqlType.BOOLEAN;
import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.TIMESTAMP;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.model.DeclaredSchema;
import dev.retort.model.SchemaBuilder;

/**
 * The seed's {@code Models/database_models.py} as the schema the chatroom wants: what
 * {@code retort revision --autogenerate} and {@code retort check} compare the migrations with
 * ({@code model=} in {@code retort.properties}). It describes exactly what the migrations make at
 * head: serial keys, and no constraint names, as the database names them (the sample runs with
 * the {@code database} naming convention).
 */
public final class ChatroomModel implements DeclaredSchema {

    @Override
    public void declare(SchemaBuilder schema) {
        schema.table("users", t -> t
                .column("id", INTEGER, c -> c.primaryKey().serial())
                .column("username", varchar(50), c -> c.notNull().unique())
                .column("created_at", TIMESTAMP, c -> c.notNull().serverDefault(now()))
                .column("avatar_url", varchar(500), c -> c.nullable())
                .column("display_name", varchar(50), c -> c.nullable()));
        schema.table("rooms", t -> t
                .column("id", INTEGER, c -> c.primaryKey().serial())
                .column("name", varchar(100), c -> c.notNull().unique())
                .column("created_at", TIMESTAMP, c -> c.notNull().serverDefault(now())));
        schema.table("messages", t -> t
                .column("id", INTEGER, c -> c.primaryKey().serial())
                .column("room_id", INTEGER, c -> c.notNull().references("rooms", "id").onDelete(CASCADE))
                .column("user_id", INTEGER, c -> c.notNull().references("users", "id"))
                .column("content", TEXT, c -> c.notNull())
                .column("created_at", TIMESTAMP, c -> c.notNull().serverDefault(now())));
        schema.index("ix_messages_room_id_created_at", "messages", i -> i.columns("room_id").descending("created_at"));
        schema.table("user_preferences", t -> t
                .column("user_id", INTEGER, c -> c.primaryKey().references("users", "id").onDelete(CASCADE))
                .column("theme", varchar(20), c -> c.notNull().serverDefault("light"))
                .column("notifications", BOOLEAN, c -> c.notNull().serverDefault(true)));
    }
}
