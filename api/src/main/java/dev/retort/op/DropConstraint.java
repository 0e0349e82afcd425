package dev.retort.op;

import dev.retort.schema.Constraint;
import dev.retort.schema.TableName;
import java.util.Objects;

/**
 * {@code ALTER TABLE … DROP CONSTRAINT [IF EXISTS]}, by name, or by definition (the naming
 * convention then gives the name). Reversible when it carries the definition.
 *
 * @param name {@code null} when the definition names it
 * @param definition {@code null} when the migration gave none
 */
public record DropConstraint(TableName table, String name, Constraint definition, boolean ifExists) implements Op {

    public DropConstraint {
        Objects.requireNonNull(table, "table");
        if (name == null && definition == null) {
            throw new IllegalArgumentException("dropConstraint on " + table + " needs the constraint's name or definition");
        }
    }

    @Override
    public Op reverse() {
        if (definition == null) {
            throw new IrreversibleOpException(this, "give the constraint's definition, op.dropConstraint(\"" + table.name()
                    + "\", c -> c.unique(...)) and the like, or write downgrade()");
        }
        return new AddConstraint(table, name == null ? definition : definition.withName(name));
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.dropConstraint(this);
    }

    @Override
    public String describe() {
        return "dropConstraint(" + table + (name == null ? "" : "." + name) + ")";
    }
}
