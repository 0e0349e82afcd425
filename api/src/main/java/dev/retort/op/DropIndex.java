package dev.retort.op;

import dev.retort.schema.Names;
import dev.retort.schema.TableName;
import java.util.Objects;

/**
 * {@code DROP INDEX}. The table names the index's schema (and the table it belongs to, for
 * messages); the op is reversible when it carries the index's definition.
 *
 * @param definition {@code null} when the migration gave none
 */
public record DropIndex(String name, TableName table, CreateIndex definition) implements Op {

    public DropIndex {
        Names.check(name, "index name");
        Objects.requireNonNull(table, "table");
        if (definition != null && !definition.name().equals(name)) {
            throw new IllegalArgumentException(
                    "dropIndex(" + name + ") carries the definition of another index, " + definition.name());
        }
    }

    @Override
    public Op reverse() {
        if (definition == null) {
            throw new IrreversibleOpException(this,
                    "give the index's columns, op.dropIndex(\"" + name + "\", \"" + table.name()
                            + "\", \"column\", ...), or write downgrade()");
        }
        return definition;
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.dropIndex(this);
    }

    @Override
    public String describe() {
        return "dropIndex(" + name + ")";
    }
}
