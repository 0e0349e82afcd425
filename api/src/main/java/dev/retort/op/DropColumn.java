package dev.retort.op;

import dev.retort.schema.ColumnDef;
import dev.retort.schema.Names;
import dev.retort.schema.TableName;
import java.util.Objects;

/**
 * {@code ALTER TABLE … DROP COLUMN}. Reversible when it carries the dropped column's definition.
 *
 * @param definition {@code null} when the migration gave none
 */
public record DropColumn(TableName table, String column, ColumnDef definition) implements Op {

    public DropColumn {
        Objects.requireNonNull(table, "table");
        Names.check(column, "column name");
        if (definition != null && !definition.name().equals(column)) {
            throw new IllegalArgumentException("dropColumn(" + table + "." + column
                    + ") carries the definition of another column, " + definition.name());
        }
    }

    @Override
    public Op reverse() {
        if (definition == null) {
            throw new IrreversibleOpException(this,
                    "give the dropped column's type, op.dropColumn(\"" + table.name() + "\", \"" + column
                            + "\", TYPE, c -> ...), or write downgrade()");
        }
        return new AddColumn(table, definition);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.dropColumn(this);
    }

    @Override
    public String describe() {
        return "dropColumn(" + table + "." + column + ")";
    }
}
