package dev.retort.samples.cleanarch.infrastructure.persistence.migrations;

import static dev.retort.schema.SqlType.TIMESTAMP_TZ;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

/** The seed's workflow example, "add new column to messages": when a message was last edited. */
@Revision(id = "5d8b1e3f7a24", revises = "0c4f8a2e6b13", message = "add new column to messages")
public final class AddNewColumnToMessages implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.addColumn("messages", "edited_at", TIMESTAMP_TZ, c -> c.nullable());
    }
}
