package dev.retort.schema;

import java.util.Objects;

/**
 * Everything a column can have. Build one with the DSL's column builder; the record checks
 * combinations that no database would accept.
 *
 * @param serverDefault {@code null} for none; {@link ServerDefault.Serial} for a serial column
 * @param references {@code null} when the column is not a foreign key
 * @param comment {@code null} for none
 */
public record ColumnDef(
        String name,
        SqlType type,
        boolean nullable,
        boolean primaryKey,
        boolean identity,
        boolean unique,
        ServerDefault serverDefault,
        ForeignKeyRef references,
        String comment) {

    public ColumnDef {
        Names.check(name, "column name");
        Objects.requireNonNull(type, () -> "type of column " + name);
        if (primaryKey && nullable) {
            throw new IllegalArgumentException("primary key column " + name + " cannot be nullable");
        }
        if (identity && !type.isInteger()) {
            throw new IllegalArgumentException(
                    "identity column " + name + " must have an integer type, not " + type.describe());
        }
        if (identity && serverDefault != null) {
            throw new IllegalArgumentException("identity column " + name + " cannot also have a server default");
        }
        if (serverDefault instanceof ServerDefault.Serial && !type.isInteger()) {
            throw new IllegalArgumentException(
                    "serial column " + name + " must have an integer type, not " + type.describe());
        }
    }
}
