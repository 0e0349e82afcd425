package dev.retort.runtime.autogen;

import static dev.retort.schema.SqlType.arrayOf;
import static dev.retort.schema.SqlType.enumOf;
import static dev.retort.schema.SqlType.named;
import static dev.retort.schema.SqlType.numeric;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.runtime.dialect.postgres.PostgresNames;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.schema.Constraint;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's {@code format_type} and {@code pg_get_expr} text, read back. */
final class PostgresCatalogReader implements CatalogReader {

    private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    private static final Pattern CAST_LITERAL = Pattern.compile("('(?:[^']|'')*')::[a-z \"A-Z_0-9().,]+");
    private static final Pattern NUMBER_CAST = Pattern.compile("'-[0-9.]+'::(integer|bigint|smallint|numeric)");
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('(.+)'::regclass\\)");

    @Override
    public SqlType type(String printed, Catalog catalog) {
        if (printed.endsWith("[]")) {
            return arrayOf(type(printed.substring(0, printed.length() - 2), catalog));
        }
        SqlType basic = switch (printed) {
            case "smallint" -> SqlType.SMALLINT;
            case "integer" -> SqlType.INTEGER;
            case "bigint" -> SqlType.BIGINT;
            case "text" -> SqlType.TEXT;
            case "boolean" -> SqlType.BOOLEAN;
            case "date" -> SqlType.DATE;
            case "timestamp without time zone" -> SqlType.TIMESTAMP;
            case "timestamp with time zone" -> SqlType.TIMESTAMP_TZ;
            case "real" -> SqlType.REAL;
            case "double precision" -> SqlType.DOUBLE;
            case "uuid" -> SqlType.UUID;
            case "jsonb" -> SqlType.JSONB;
            case "json" -> SqlType.PLAIN_JSON;
            case "bytea" -> SqlType.BLOB;
            case "character varying" -> varchar();
            default -> null;
        };
        if (basic != null) {
            return basic;
        }
        Matcher m = VARCHAR.matcher(printed);
        if (m.matches()) {
            return varchar(Integer.parseInt(m.group(1)));
        }
        m = NUMERIC.matcher(printed);
        if (m.matches()) {
            return numeric(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        String name = CatalogReader.unquoted(printed);
        if (name != null) {
            var enumType = catalog.enumType(name);
            if (enumType.isPresent()) {
                return enumOf(name, enumType.get().values().toArray(String[]::new));
            }
        }
        return named(printed);
    }

    @Override
    public String databaseName(Constraint constraint, String table) {
        return PostgresNames.of(constraint, table);
    }

    @Override
    public ServerDefault serverDefault(String printed, String table, TableInfo.ColumnInfo column) {
        if (printed == null) {
            return null;
        }
        switch (printed) {
            case "now()":
                return ServerDefault.now();
            case "gen_random_uuid()":
                return ServerDefault.randomUuid();
            case "true":
                return ServerDefault.value(true);
            case "false":
                return ServerDefault.value(false);
            default:
                break;
        }
        Matcher next = NEXTVAL.matcher(printed);
        if (next.matches() && CatalogReader.unquoted(next.group(1)) != null
                && CatalogReader.unquoted(next.group(1)).equals(table + "_" + column.name() + "_seq")) {
            return ServerDefault.serial();
        }
        ServerDefault number = CatalogReader.number(printed);
        if (number != null) {
            return number;
        }
        Matcher cast = CAST_LITERAL.matcher(printed);
        if (cast.matches()) {
            String text = CatalogReader.stringLiteral(cast.group(1));
            // PostgreSQL prints a negative number as a cast string ('-9'::integer): it was written as a number.
            ServerDefault negative = NUMBER_CAST.matcher(printed).matches() ? CatalogReader.number(text) : null;
            return negative != null ? negative : ServerDefault.value(text);
        }
        return ServerDefault.sql(printed);
    }
}
