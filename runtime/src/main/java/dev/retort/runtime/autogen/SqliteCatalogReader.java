package dev.retort.runtime.autogen;

import static dev.retort.schema.SqlType.named;
import static dev.retort.schema.SqlType.numeric;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.runtime.dialect.sqlite.SqliteDialect;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.schema.Constraint;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's declared types and defaults, which it keeps as written: only the spellings Retort
 * writes become portable types, so a declaration in any other case or spelling (Hibernate's
 * {@code varchar(255)}) is kept as it is.
 */
final class SqliteCatalogReader implements CatalogReader {

    private static final Pattern VARCHAR = Pattern.compile("VARCHAR\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("NUMERIC\\((\\d+), (\\d+)\\)");

    @Override
    public SqlType type(String printed, Catalog catalog) {
        SqlType basic = switch (printed) {
            case "SMALLINT" -> SqlType.SMALLINT;
            case "INTEGER" -> SqlType.INTEGER;
            case "BIGINT" -> SqlType.BIGINT;
            case "TEXT" -> SqlType.TEXT;
            case "BOOLEAN" -> SqlType.BOOLEAN;
            case "DATE" -> SqlType.DATE;
            case "DATETIME" -> SqlType.TIMESTAMP;
            case "REAL" -> SqlType.REAL;
            case "DOUBLE" -> SqlType.DOUBLE;
            case "JSON" -> SqlType.JSON;
            case "BLOB" -> SqlType.BLOB;
            default -> null;
        };
        if (basic != null) {
            return basic;
        }
        Matcher m = VARCHAR.matcher(printed);
        if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
            return varchar(Integer.parseInt(m.group(1)));
        }
        m = NUMERIC.matcher(printed);
        if (m.matches()) {
            return numeric(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return named(printed);
    }

    /** SQLite keeps no name for a constraint made without one. */
    @Override
    public String databaseName(Constraint constraint, String table) {
        return null;
    }

    @Override
    public ServerDefault serverDefault(String printed, String table, TableInfo.ColumnInfo column) {
        if (printed == null) {
            return null;
        }
        if (printed.equals("CURRENT_TIMESTAMP")) {
            return ServerDefault.now();
        }
        if (printed.equals(SqliteDialect.RANDOM_UUID_DEFAULT)) {
            return ServerDefault.randomUuid();
        }
        ServerDefault number = CatalogReader.number(printed);
        if (number != null) {
            return number;
        }
        String text = CatalogReader.stringLiteral(printed);
        if (text != null) {
            return ServerDefault.value(text);
        }
        return ServerDefault.sql(SqliteDialect.unwrapped(printed));
    }
}
