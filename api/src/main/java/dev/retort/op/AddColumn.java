package dev.retort.op;

import dev.retort.schema.ColumnDef;
import dev.retort.schema.TableName;
import java.util.Objects;

/** {@code ALTER TABLE … ADD COLUMN}; its reverse drops the column and remembers its definition. */
public record AddColumn(TableName table, ColumnDef column) implements Op {

    public AddColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public Op reverse() {
        return new DropColumn(table, column.name(), column);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.addColumn(this);
    }

    @Override
    public String describe() {
        return "addColumn(" + table + "." + column.name() + ")";
    }
}
