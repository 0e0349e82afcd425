package it.db;

import static dev.retort.schema.SqlType.varchar;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

@Revision(id = "b2f0c0de0002", revises = "a1f0c0de0001", message = "add nickname to users")
public final class AddNickname implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.addColumn("users", "nickname", varchar(40), c -> c.nullable());
    }
}
