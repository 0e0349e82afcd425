package dev.retort.spring.example.migrations;

import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

@Revision(id = "t1_create_tasks", message = "create tasks")
public final class CreateTasks implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.createTable("tasks", t -> t
                .column("id", INTEGER, c -> c.primaryKey().identity())
                .column("title", varchar(255), c -> c.notNull()));
    }
}
