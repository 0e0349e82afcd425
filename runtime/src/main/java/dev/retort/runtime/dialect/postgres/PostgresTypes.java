package dev.retort.runtime.dialect.postgres;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Literals;
import dev.retort.schema.BasicType;
import dev.retort.schema.EnumType;
import dev.retort.schema.NumericType;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
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
                    case JSON -> "jsonb";
                    case BLOB -> "bytea";
                };
            }

            @Override
            public String varchar(VarcharType t) {
                return "varchar(" + t.length() + ")";
            }

            @Override
            public String numeric(NumericType t) {
                return "numeric(" + t.precision() + ", " + t.scale() + ")";
            }

            @Override
            public String enumType(EnumType t) {
                return dialect.qualify(t.name());
            }
        });
    }

    /** A default as SQL; literals cast for enum columns is not needed: PostgreSQL casts an unknown literal. */
    String defaultValue(ServerDefault value) {
        return value.accept(new ServerDefault.Visitor<>() {
            @Override
            public String literal(Object v) {
                return Literals.literal(v, dialect, Literals.POSTGRESQL);
            }

            @Override
            public String now() {
                return "CURRENT_TIMESTAMP";
            }

            @Override
            public String randomUuid() {
                return "gen_random_uuid()";
            }

            @Override
            public String expression(String sql) {
                return sql;
            }
        });
    }
}
