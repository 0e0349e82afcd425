package dev.retort.op;

import dev.retort.schema.Names;

/** PostgreSQL's {@code CREATE SCHEMA [IF NOT EXISTS]}; SQLite has attached databases instead, and refuses it. */
public record CreateSchema(String name, boolean ifNotExists) implements Op {

    public CreateSchema {
        Names.check(name, "schema name");
    }

    @Override
    public Op reverse() {
        return new DropSchema(name, false, false);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.createSchema(this);
    }

    @Override
    public String describe() {
        return "createSchema(" + name + ")";
    }
}
