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

    /**
     * This type in {@code schema} when it names none: an enum column of a table created through
     * {@code op.inSchema(schema)} uses the type of that schema.
     */
    public EnumType inSchema(String schema) {
        return schema == null || name.schema() != null ? this : new EnumType(new TableName(schema, name.name()), values);
    }

    /**
     * The same values as a {@link StringEnumType}: a {@code VARCHAR} with a {@code CHECK}, no
     * database type (nothing to create with {@code createEnum}).
     */
    public StringEnumType nonNative() {
        return new StringEnumType(name.name(), values);
    }

    /** The type in {@code schema} when it is an enum naming no schema; any other type as it is. */
    public static SqlType qualified(SqlType type, String schema) {
        return type instanceof EnumType e ? e.inSchema(schema) : type;
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
