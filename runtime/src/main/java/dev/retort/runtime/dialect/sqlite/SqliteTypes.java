package dev.retort.runtime.dialect.sqlite;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Literals;
import dev.retort.schema.ArrayType;
import dev.retort.schema.BasicType;
import dev.retort.schema.EnumType;
import dev.retort.schema.NamedType;
import dev.retort.schema.NumericType;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import dev.retort.schema.StringEnumType;
import dev.retort.schema.VarcharType;
import java.util.List;
import java.util.Locale;

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

    /**
     * The declared type, as SQLAlchemy writes it for SQLite ({@code BIGINT}, {@code BOOLEAN},
     * {@code DATETIME}, {@code VARCHAR(12)}): the name decides the column's affinity, and a schema
     * that SQLAlchemy made, adopted by Retort, reads back the same. (earlier builds of Retort wrote the
     * storage class instead; {@link #legacy} knows those names.)
     */
    static String type(SqlType type) {
        return type.accept(new SqlType.Visitor<>() {
            @Override
            public String basic(BasicType t) {
                return switch (t) {
                    case SMALLINT -> "SMALLINT";
                    case INTEGER -> "INTEGER";
                    case BIGINT -> "BIGINT";
                    case BOOLEAN -> "BOOLEAN";
                    case DATE -> "DATE";
                    case TIMESTAMP, TIMESTAMP_TZ -> "DATETIME";
                    case TEXT, UUID -> "TEXT";
                    case JSON, JSONB, PLAIN_JSON -> "JSON";
                    case REAL -> "REAL";
                    case DOUBLE -> "DOUBLE";
                    case BLOB -> "BLOB";
                };
            }

            @Override
            public String varchar(VarcharType t) {
                return t.hasLength() ? "VARCHAR(" + t.length() + ")" : "VARCHAR";
            }

            @Override
            public String numeric(NumericType t) {
                return "NUMERIC(" + t.precision() + ", " + t.scale() + ")";
            }

            @Override
            public String enumType(EnumType t) {
                return "TEXT";
            }

            @Override
            public String stringEnum(StringEnumType t) {
                return "VARCHAR(" + t.length() + ")";
            }

            @Override
            public String named(NamedType t) {
                return t.nameFor("sqlite");
            }

            @Override
            public String array(ArrayType t) {
                throw new RetortException(ErrorCode.UNSUPPORTED_OP, "SQLite has no arrays (" + t.describe() + "); give the"
                        + " column a type of each database's own, such as named(\"" + t.element().describe()
                        .toLowerCase(Locale.ROOT) + "[]\").on(\"sqlite\", \"JSON\")");
            }
        });
    }

    /**
     * The name earlier builds of Retort declared for what {@link #type} now writes: the storage class
     * ({@code BIGINT} was {@code INTEGER}, {@code DATETIME} was {@code TEXT}). {@code check}
     * takes either, so a database those versions made shows no difference.
     */
    static String legacy(String declared) {
        return switch (declared.toUpperCase(Locale.ROOT)) {
            case "SMALLINT", "BIGINT", "BOOLEAN" -> "INTEGER";
            case "DATE", "DATETIME", "JSON" -> "TEXT";
            case "DOUBLE" -> "REAL";
            default -> declared;
        };
    }

    /** The values of an enum column's type (native or not), or {@code null} for any other type. */
    static List<String> enumValues(SqlType type) {
        return type instanceof EnumType e ? e.values() : type instanceof StringEnumType s ? s.values() : null;
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

            /** Numbering is the rowid's, which only a new INTEGER PRIMARY KEY column gets (its definition says so). */
            @Override
            public String serial() {
                throw new RetortException(ErrorCode.UNSUPPORTED_OP, "SQLite numbers rows only through a table's single"
                        + " INTEGER PRIMARY KEY column, declared so when it is created; serial() cannot be set on an"
                        + " existing column");
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
