package dev.retort.samples.chatroom.migrations;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.SqlType.BOOLEAN;
import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

/** The seed's "Adding a New Table", with the example it creates ({@code create "Add user preferences table"}). */
@Revision(id = "b2d4f6a81023", revises = "a1c3e5f70912", message = "Add user preferences table")
public final class AddUserPreferencesTable implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.createTable("user_preferences", t -> t
                .column("user_id", INTEGER, c -> c.primaryKey().references("users", "id").onDelete(CASCADE))
                .column("theme", varchar(20), c -> c.notNull().serverDefault("light"))
                .column("notifications", BOOLEAN, c -> c.notNull().serverDefault(true)));
    }
}
