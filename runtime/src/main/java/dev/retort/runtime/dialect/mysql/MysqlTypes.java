package dev.retort.runtime.dialect.mysql;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.BulkInsert;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.schema.ArrayType;
import dev.retort.schema.BasicType;
import dev.retort.schema.EnumType;
import dev.retort.schema.NamedType;
import dev.retort.schema.NumericType;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import dev.retort.schema.StringEnumType;
import dev.retort.schema.VarcharType;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.stream.Collectors;

/** MySQL's types, defaults and literals for Retort's portable ones. */
final class MysqlTypes {

    /** The longest VARCHAR in utf8mb4, four bytes a character within MySQL's 65,535-byte row. */
    static final int LONGEST_VARCHAR = 16383;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final Dialect dialect;

    MysqlTypes(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The type of {@code column}. Text with no length is {@code LONGTEXT}, which holds what
     * PostgreSQL's {@code text} holds ({@code TEXT} stops at 64 KiB); a UUID is {@code CHAR(36)},
     * as MySQL has no UUID type (MariaDB's, from 10.7, would not read back on MySQL).
     */
    String type(SqlType type, String column) {
        return type.accept(new SqlType.Visitor<>() {
            @Override
            public String basic(BasicType t) {
                return switch (t) {
                    case SMALLINT -> "SMALLINT";
                    case INTEGER -> "INT";
                    case BIGINT -> "BIGINT";
                    case TEXT -> "LONGTEXT";
                    case BOOLEAN -> "BOOLEAN";
                    case DATE -> "DATE";
                    case TIMESTAMP, TIMESTAMP_TZ -> "DATETIME(6)";
                    case REAL -> "FLOAT";
                    case DOUBLE -> "DOUBLE";
                    case UUID -> "CHAR(36)";
                    case JSON, JSONB, PLAIN_JSON -> "JSON";
                    case BLOB -> "LONGBLOB";
                };
            }

            @Override
            public String varchar(VarcharType t) {
                if (!t.hasLength()) {
                    return "LONGTEXT";
                }
                if (t.length() > LONGEST_VARCHAR) {
                    throw new RetortException(ErrorCode.INVALID_OP, "column " + column + ": varchar(" + t.length()
                            + ") is longer than MySQL's VARCHAR holds in utf8mb4 (" + LONGEST_VARCHAR + " characters);"
                            + " use TEXT, or a shorter length");
                }
                return "VARCHAR(" + t.length() + ")";
            }

            @Override
            public String numeric(NumericType t) {
                return "DECIMAL(" + t.precision() + ", " + t.scale() + ")";
            }

            /** MySQL's enums live in the column: the type's values, in order. */
            @Override
            public String enumType(EnumType t) {
                return "ENUM(" + t.values().stream().map(dialect::literal).collect(Collectors.joining(", ")) + ")";
            }

            @Override
            public String stringEnum(StringEnumType t) {
                return "VARCHAR(" + t.length() + ")";
            }

            @Override
            public String named(NamedType t) {
                return t.nameFor("mysql");
            }

            @Override
            public String array(ArrayType t) {
                throw new RetortException(ErrorCode.UNSUPPORTED_OP, "column " + column + ": MySQL has no arrays ("
                        + t.describe() + "); use JSON, or a table of its own");
            }
        });
    }

    /** Whether MySQL takes a default for this type only as an expression in parentheses. */
    static boolean blobLike(String nativeType) {
        return nativeType.endsWith("TEXT") || nativeType.endsWith("BLOB") || nativeType.equals("JSON");
    }

    /**
     * A default as SQL. Text, blob and JSON columns take a default only as an expression on MySQL
     * (8.0.13 and later), so there a literal goes in parentheses, which MariaDB reads the same.
     */
    String defaultValue(ServerDefault value, String nativeType) {
        boolean expressionOnly = blobLike(nativeType);
        return value.accept(new ServerDefault.Visitor<>() {
            @Override
            public String literal(Object v) {
                String literal = MysqlTypes.this.literal(v);
                return expressionOnly ? "(" + literal + ")" : literal;
            }

            @Override
            public String now() {
                return nativeType.equals("DATE") ? "(CURRENT_DATE)" : "CURRENT_TIMESTAMP(6)";
            }

            @Override
            public String randomUuid() {
                return "(UUID())";
            }

            @Override
            public String expression(String sql) {
                return "(" + sql + ")";
            }

            @Override
            public String serial() {
                throw new RetortException(ErrorCode.UNSUPPORTED_OP, "serial() numbers a new column with AUTO_INCREMENT;"
                        + " an existing column cannot become one by its default: add a new serial column instead");
            }
        });
    }

    /** A value as a MySQL literal: booleans as 1 and 0, times as text in UTC, bytes as {@code X'…'}. */
    String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof Long || value instanceof BigDecimal) {
            return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new RetortException(ErrorCode.INVALID_OP, d + " has no MySQL value; leave it out or use NULL");
            }
            return d.toString();
        }
        if (value instanceof BulkInsert.Binary b) {
            return "X'" + b.hex() + "'";
        }
        return dialect.literal(text(value));
    }

    private static String text(Object value) {
        if (value instanceof LocalDateTime t) {
            return t.format(DATE_TIME);
        }
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().format(DATE_TIME);
        }
        if (value instanceof String || value instanceof UUID || value instanceof LocalDate) {
            return value.toString();
        }
        throw new IllegalStateException("BulkInsert admits no " + value.getClass());
    }

    /** A bulk insert's value, bound as its literal would be read: zoned times in UTC, as the history's. */
    void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Boolean b) {
            statement.setInt(index, b ? 1 : 0);
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else if (value instanceof BigDecimal d) {
            statement.setBigDecimal(index, d);
        } else if (value instanceof Double d) {
            literal(d); // refuses NaN and infinities, as the literal does
            statement.setDouble(index, d);
        } else if (value instanceof BulkInsert.Binary b) {
            statement.setBytes(index, b.bytes());
        } else {
            statement.setString(index, text(value));
        }
    }
}
