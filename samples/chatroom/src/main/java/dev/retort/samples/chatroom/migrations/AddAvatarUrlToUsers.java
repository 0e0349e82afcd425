package dev.retort.samples.chatroom.migrations;

import static dev.retort.schema.SqlType.varchar;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

/**
 * The seed's "Adding a Column", in a batch block as its {@code render_as_batch=True} writes every
 * change: SQLite adds the column in place (no rebuild is needed), PostgreSQL alters the table.
 */
@Revision(id = "c3e5a7b92134", revises = "b2d4f6a81023", message = "Add avatar_url to users")
public final class AddAvatarUrlToUsers implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.batchAlterTable("users", b -> b.addColumn("avatar_url", varchar(500), c -> c.nullable()));
    }
}
