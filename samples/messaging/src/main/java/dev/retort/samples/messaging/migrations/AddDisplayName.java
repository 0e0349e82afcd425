package dev.retort.samples.messaging.migrations;

import static dev.retort.schema.SqlType.varchar;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

/**
 * A column and a data migration: existing users get their username as display name. The
 * UPDATE has no reverse, so the downgrade is written out: dropping the column undoes both.
 */
@Revision(id = "c4e8a1f35b70", revises = "2b6f0c1d9e4a", message = "add display_name to users, filled from username")
public final class AddDisplayName implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.addColumn("users", "display_name", varchar(100), c -> c.nullable());
        op.execute("UPDATE users SET display_name = username WHERE display_name IS NULL");
    }

    @Override
    public void downgrade(Ops op) {
        op.dropColumn("users", "display_name", varchar(100));
    }
}
