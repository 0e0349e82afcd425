package dev.retort.samples.chat.migrations;

import static dev.retort.schema.SqlType.INTEGER;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

/**
 * The seed's "Complex Migration (Data Transform)": add the column nullable, fill it from the
 * existing rows, then make it NOT NULL. PostgreSQL alters the column in place; SQLite, which has
 * no ALTER COLUMN, rebuilds the table inside the batch block, keeping every row, index and foreign key.
 */
@Revision(id = "e5a7c9b1d2f4", revises = "8c2e4b6d1a93", message = "Add text_length to messages")
public final class AddTextLengthToMessages implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.addColumn("messages", "text_length", INTEGER, c -> c.nullable());
        op.execute("UPDATE messages SET text_length = LENGTH(text) WHERE text IS NOT NULL");
        op.batchAlterTable("messages", b -> b.alterColumn("text_length", a -> a.notNull().existingNullable(true)));
    }

    @Override
    public void downgrade(Ops op) {
        op.dropColumn("messages", "text_length");
    }
}
