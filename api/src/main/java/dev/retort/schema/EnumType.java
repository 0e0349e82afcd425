package dev.retort.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A column of an enumerated type: a PostgreSQL {@code CREATE TYPE … AS ENUM} (created with
 * {@code op.createEnum}), and on SQLite a TEXT column with a CHECK listing the values.
 */
public record EnumType(TableName name, List<String> values) implements SqlType {

    public EnumType {
        Objects.requireNonNull(name, "enum type name");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("enum " + name + " needs at least one value");
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException("enum " + name + " lists a value twice: " + values);
        }
    }

    @Override
    public String describe() {
        return "ENUM " + name + " " + values;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.enumType(this);
    }
}
