package dev.retort.runtime.dialect.sqlite;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Literals;
import dev.retort.schema.BasicType;
import dev.retort.schema.EnumType;
import dev.retort.schema.NumericType;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import dev.retort.schema.VarcharType;
import java.util.Locale;
import java.util.stream.Collectors;

/** SQLite's natural types (its storage classes, with the declared name kept where it carries meaning) and defaults. */
final class SqliteTypes {

    /** A version-4 UUID from {@code randomblob}, as SQLite has no UUID function. */
    static final String RANDOM_UUID = "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'"
            + " || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)"
            + " || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))";

    private final Dialect dialect;

    SqliteTypes(Dialect dialect) {
        this.dialect = dialect;
    }

    static String type(SqlType type) {
        return type.accept(new SqlType.Visitor<>() {
            @Override
            public String basic(BasicType t) {
                return switch (t) {
                    case SMALLINT, INTEGER, BIGINT, BOOLEAN -> "INTEGER";
                    case TEXT, DATE, TIMESTAMP, TIMESTAMP_TZ, UUID, JSON -> "TEXT";
                    case REAL, DOUBLE -> "REAL";
                    case BLOB -> "BLOB";
                };
            }

            @Override
            public String varchar(VarcharType t) {
                return "VARCHAR(" + t.length() + ")";
            }

            @Override
            public String numeric(NumericType t) {
                return "NUMERIC(" + t.precision() + ", " + t.scale() + ")";
            }

            @Override
            public String enumType(EnumType t) {
                return "TEXT";
            }
        });
    }

    /** The CHECK an enum column carries on SQLite: the column is one of the values. */
    String enumCheck(String column, EnumType type) {
        return dialect.quote(column) + " IN (" + type.values().stream().map(dialect::literal).collect(Collectors.joining(", "))
                + ")";
    }

    String defaultValue(ServerDefault value) {
        return value.accept(new ServerDefault.Visitor<>() {
            @Override
            public String literal(Object v) {
                return Literals.literal(v, dialect, Literals.SQLITE);
            }

            @Override
            public String now() {
                return "CURRENT_TIMESTAMP";
            }

            @Override
            public String randomUuid() {
                return RANDOM_UUID;
            }

            /** SQLite takes an expression default only in parentheses. */
            @Override
            public String expression(String sql) {
                return "(" + sql + ")";
            }
        });
    }

    /** Whether a default is a constant, which ADD COLUMN accepts on a table with rows. */
    static boolean isConstant(ServerDefault value) {
        return value == null || value instanceof ServerDefault.Literal;
    }

    /**
     * SQLite's type affinity of a declared type (its documented rules), which decides whether a
     * rebuild's copy needs a CAST.
     */
    static String affinity(String declared) {
        String t = declared.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return "INTEGER";
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return "TEXT";
        }
        if (t.isEmpty() || t.contains("BLOB")) {
            return "BLOB";
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return "REAL";
        }
        return "NUMERIC";
    }
}
