package dev.retort.runtime.dialect.postgres;

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

/** PostgreSQL's natural types and default expressions for Retort's portable ones. */
final class PostgresTypes {

    private final Dialect dialect;

    PostgresTypes(Dialect dialect) {
        this.dialect = dialect;
    }

    String type(SqlType type) {
        return type.accept(new SqlType.Visitor<>() {
            @Override
            public String basic(BasicType t) {
                return switch (t) {
                    case SMALLINT -> "smallint";
                    case INTEGER -> "integer";
                    case BIGINT -> "bigint";
                    case TEXT -> "text";
                    case BOOLEAN -> "boolean";
                    case DATE -> "date";
                    case TIMESTAMP -> "timestamp";
                    case TIMESTAMP_TZ -> "timestamp with time zone";
                    case REAL -> "real";
                    case DOUBLE -> "double precision";
                    case UUID -> "uuid";
                    case JSON, JSONB -> "jsonb";
                    case PLAIN_JSON -> "json";
                    case BLOB -> "bytea";
                };
            }

            @Override
            public String varchar(VarcharType t) {
                return t.hasLength() ? "varchar(" + t.length() + ")" : "varchar";
            }

            @Override
            public String numeric(NumericType t) {
                return "numeric(" + t.precision() + ", " + t.scale() + ")";
            }

            @Override
            public String enumType(EnumType t) {
                return dialect.qualify(t.name());
            }

            @Override
            public String stringEnum(StringEnumType t) {
                return "varchar(" + t.length() + ")";
            }

            @Override
            public String named(NamedType t) {
                return t.nameFor(dialect.name());
            }

            @Override
            public String array(ArrayType t) {
                return type(t.element()) + "[]";
            }
        });
    }

    /**
     * A serial column's type: PostgreSQL's {@code smallserial}, {@code serial} or
     * {@code bigserial} for the column's integer type, which makes the sequence the column owns.
     */
    static String serial(SqlType type) {
        if (type == SqlType.SMALLINT) {
            return "smallserial";
        }
        return type == SqlType.BIGINT ? "bigserial" : "serial";
    }

    /** A default as SQL; literals cast for enum columns is not needed: PostgreSQL casts an unknown literal. */
    String defaultValue(ServerDefault value) {
        return value.accept(new ServerDefault.Visitor<>() {
            @Override
            public String literal(Object v) {
                return Literals.literal(v, dialect, Literals.POSTGRESQL);
            }

            /** As SQLAlchemy's {@code func.now()} renders it, so a ported history's default reads back the same. */
            @Override
            public String now() {
                return "now()";
            }

            @Override
            public String randomUuid() {
                return "gen_random_uuid()";
            }

            @Override
            public String expression(String sql) {
                return sql;
            }

            @Override
            public String serial() {
                throw new RetortException(ErrorCode.UNSUPPORTED_OP, "serial() makes a new column's sequence; an existing"
                        + " column cannot become serial by its default: create a sequence and set DEFAULT"
                        + " nextval('…') with ServerDefault.sql(…), or add a new serial column");
            }
        });
    }
}
