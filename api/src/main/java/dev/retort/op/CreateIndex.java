package dev.retort.op;

import dev.retort.schema.Names;
import dev.retort.schema.TableName;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** {@code CREATE [UNIQUE] INDEX name ON table (columns)}; the index lives in the table's schema. */
public record CreateIndex(String name, TableName table, List<String> columns, boolean unique) implements Op {

    public CreateIndex {
        Names.check(name, "index name");
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " needs at least one column");
        }
        columns.forEach(c -> Names.check(c, "column name"));
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException("index " + name + " lists a column twice: " + columns);
        }
    }

    @Override
    public Op reverse() {
        return new DropIndex(name, table, this);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.createIndex(this);
    }

    @Override
    public String describe() {
        return "createIndex(" + name + " on " + table + ")";
    }
}
