package dev.retort.samples.chat.migrations;

import static dev.retort.schema.SqlType.TIMESTAMP;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

/** The seed's "Example: Adding a New Column": a nullable column, so existing rows need nothing. */
@Revision(id = "8c2e4b6d1a93", revises = "3f1d2c8a9b40", message = "Add last_read_at to chats")
public final class AddLastReadAtToChats implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.addColumn("chats", "last_read_at", TIMESTAMP, c -> c.nullable());
    }

    @Override
    public void downgrade(Ops op) {
        op.dropColumn("chats", "last_read_at");
    }
}
