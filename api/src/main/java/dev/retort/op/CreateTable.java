package dev.retort.op;

import dev.retort.schema.ColumnDef;
import dev.retort.schema.TableName;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** {@code CREATE TABLE}; its reverse drops the table and remembers this definition. */
public record CreateTable(TableName table, List<ColumnDef> columns, boolean ifNotExists) implements Op {

    public CreateTable {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + table + " needs at least one column");
        }
        var seen = new HashSet<String>();
        for (ColumnDef column : columns) {
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException("table " + table + " declares column " + column.name() + " twice");
            }
        }
        if (columns.stream().filter(ColumnDef::identity).count() > 1) {
            throw new IllegalArgumentException("table " + table + " declares more than one identity column");
        }
    }

    /** The primary-key columns in declaration order; several make a composite key. */
    public List<ColumnDef> primaryKey() {
        return columns.stream().filter(ColumnDef::primaryKey).toList();
    }

    @Override
    public Op reverse() {
        return new DropTable(table, this);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.createTable(this);
    }

    @Override
    public String describe() {
        return "createTable(" + table + ")";
    }
}
