package dev.retort.samples.todo.migrations;

import static dev.retort.schema.SqlType.INTEGER;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

/** The seed's example migration. */
@Revision(id = "6b9d2f4e8a1c", revises = "20260201_initial", message = "Add priority column to tasks table")
public final class AddPriorityToTasks implements Migration {

    /** Add new column to tasks table. */
    @Override
    public void upgrade(Ops op) {
        op.addColumn("tasks", "priority", INTEGER, c -> c.nullable());
    }

    /** Remove priority column from tasks table. */
    @Override
    public void downgrade(Ops op) {
        op.dropColumn("tasks", "priority");
    }
}
