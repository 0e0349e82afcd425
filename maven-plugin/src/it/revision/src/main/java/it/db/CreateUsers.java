package it.db;

import static dev.retort.schema.SqlType.BIGINT;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

@Revision(id = "a1f0c0de0001", message = "create users")
public final class CreateUsers implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.createTable("users", t -> t.column("id", BIGINT, c -> c.primaryKey()));
    }
}
