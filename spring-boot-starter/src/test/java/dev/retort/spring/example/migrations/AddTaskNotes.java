package dev.retort.spring.example.migrations;

import static dev.retort.schema.SqlType.TEXT;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.dsl.Ops;

@Revision(id = "t2_add_task_notes", revises = "t1_create_tasks", message = "add notes to tasks")
public final class AddTaskNotes implements Migration {

    @Override
    public void upgrade(Ops op) {
        op.addColumn("tasks", "notes", TEXT);
    }
}
