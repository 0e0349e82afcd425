package dev.retort.op;

import dev.retort.schema.Names;

/** PostgreSQL's {@code DROP SCHEMA [IF EXISTS] … [CASCADE]}; reversed by creating it empty. */
public record DropSchema(String name, boolean ifExists, boolean cascade) implements Op {

    public DropSchema {
        Names.check(name, "schema name");
    }

    @Override
    public Op reverse() {
        if (cascade) {
            throw new IrreversibleOpException(this, "a cascading drop loses what the schema held; write downgrade()");
        }
        return new CreateSchema(name, false);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.dropSchema(this);
    }

    @Override
    public String describe() {
        return "dropSchema(" + name + ")";
    }
}
