package dev.retort.schema;

import java.util.List;

/**
 * A portable column type. Each dialect renders it to the natural native type (for example
 * {@link #UUID} is {@code uuid} on PostgreSQL and {@code TEXT} on SQLite).
 *
 * <p>Static-import this interface to write {@code BIGINT}, {@code varchar(255)} or
 * {@code numeric(10, 2)} in migrations.
 */
public sealed interface SqlType permits BasicType, VarcharType, NumericType, EnumType, StringEnumType, NamedType,
        ArrayType {

    BasicType SMALLINT = BasicType.SMALLINT;
    BasicType INTEGER = BasicType.INTEGER;
    BasicType BIGINT = BasicType.BIGINT;
    BasicType TEXT = BasicType.TEXT;
    BasicType BOOLEAN = BasicType.BOOLEAN;
    BasicType DATE = BasicType.DATE;
    BasicType TIMESTAMP = BasicType.TIMESTAMP;
    BasicType TIMESTAMP_TZ = BasicType.TIMESTAMP_TZ;
    BasicType REAL = BasicType.REAL;
    BasicType DOUBLE = BasicType.DOUBLE;
    BasicType UUID = BasicType.UUID;
    BasicType JSON = BasicType.JSON;
    BasicType JSONB = BasicType.JSONB;
    BasicType PLAIN_JSON = BasicType.PLAIN_JSON;
    BasicType BLOB = BasicType.BLOB;

    /** A variable-length string of at most {@code length} characters. */
    static VarcharType varchar(int length) {
        if (length == 0) {
            throw new IllegalArgumentException("varchar length must be between 1 and 10485760, not 0; for no length,"
                    + " write varchar()");
        }
        return new VarcharType(length);
    }

    /** A variable-length string of any length: {@code varchar} with no length. */
    static VarcharType varchar() {
        return new VarcharType(0);
    }

    /** An exact decimal with {@code precision} digits, {@code scale} of them after the point. */
    static NumericType numeric(int precision, int scale) {
        return new NumericType(precision, scale);
    }

    /** A column of the enum type {@code name} (create it with {@code op.createEnum}) with these values. */
    static EnumType enumOf(String name, String... values) {
        return new EnumType(TableName.of(name), List.of(values));
    }

    /**
     * A type by its database's own name, written as given ({@code named("tsvector")},
     * {@code named("citext").on("sqlite", "TEXT")}).
     */
    static NamedType named(String name) {
        return new NamedType(name, java.util.Map.of());
    }

    /** PostgreSQL's array of {@code element}: {@code arrayOf(TEXT)} is {@code text[]}. */
    static ArrayType arrayOf(SqlType element) {
        return new ArrayType(element);
    }

    /** Whether the type holds whole numbers, as identity columns need. */
    default boolean isInteger() {
        return this == SMALLINT || this == INTEGER || this == BIGINT;
    }

    /** The type as a migration author would write it, for messages. */
    String describe();

    <R> R accept(Visitor<R> visitor);

    /** Dialects implement this, so a new kind of type does not compile until each answers it. */
    interface Visitor<R> {
        R basic(BasicType type);

        R varchar(VarcharType type);

        R numeric(NumericType type);

        R enumType(EnumType type);

        R stringEnum(StringEnumType type);

        R named(NamedType type);

        R array(ArrayType type);
    }
}
