package dev.retort.op;

import dev.retort.schema.TableName;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON table (parts) [WHERE …]}.
 * The index lives in the table's schema. {@code CONCURRENTLY} is PostgreSQL's and needs a
 * migration declared {@code transactional = false}.
 *
 * @param name {@code null} to name it by the naming convention
 * @param where a partial index's condition, or {@code null}
 */
public record CreateIndex(String name, TableName table, List<IndexPart> parts, boolean unique, String where,
        boolean concurrently, boolean ifNotExists) implements Op {

    public CreateIndex {
        if (name != null) {
            dev.retort.schema.Names.check(name, "index name");
        }
        Objects.requireNonNull(table, "table");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("index " + (name == null ? "on " + table : name) + " needs a column or expression");
        }
        var seen = new HashSet<String>();
        for (IndexPart part : parts) {
            if (part.isColumn() && !seen.add(part.column())) {
                throw new IllegalArgumentException("index " + name + " lists column " + part.column() + " twice");
            }
        }
        if (where != null && where.isBlank()) {
            throw new IllegalArgumentException("a partial index's condition must not be empty");
        }
    }

    /** The columns and expressions, as the naming convention names them. */
    public List<String> columnsForName() {
        return parts.stream().map(p -> p.isColumn() ? p.column() : "expr").toList();
    }

    @Override
    public Op reverse() {
        return new DropIndex(name, table, this, false, concurrently);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.createIndex(this);
    }

    @Override
    public String describe() {
        return "createIndex(" + (name == null ? "" : name + " ") + "on " + table + ")";
    }
}
