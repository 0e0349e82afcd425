package dev.retort.op;

import dev.retort.schema.Constraint;
import dev.retort.schema.TableName;
import java.util.Objects;

/** {@code ALTER TABLE … ADD CONSTRAINT}: a primary key, unique, check or foreign key. On SQLite a table rebuild. */
public record AddConstraint(TableName table, Constraint constraint) implements Op {

    public AddConstraint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(constraint, "constraint");
    }

    @Override
    public Op reverse() {
        return new DropConstraint(table, constraint.name(), constraint, false);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.addConstraint(this);
    }

    @Override
    public String describe() {
        return "addConstraint(" + table + (constraint.name() == null ? "" : "." + constraint.name()) + ")";
    }
}
