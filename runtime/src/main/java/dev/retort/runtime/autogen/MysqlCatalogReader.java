package dev.retort.runtime.autogen;

import static dev.retort.schema.SqlType.named;
import static dev.retort.schema.SqlType.numeric;
import static dev.retort.schema.SqlType.varchar;

import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.schema.Constraint;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's and MariaDB's column types and defaults, as the dialect's introspection gives them
 * ({@code INT}, {@code VARCHAR(20)}, {@code 'x'}, {@code current_timestamp(6)}), read back. A
 * {@code DATETIME(6)} reads as {@code TIMESTAMP}: MySQL keeps no time zone, so both of Retort's
 * timestamps are stored alike. An enum column's type stays as printed, since MySQL's enums have
 * no name of their own.
 */
final class MysqlCatalogReader implements CatalogReader {

    private static final Pattern VARCHAR = Pattern.compile("VARCHAR\\((\\d+)\\)");
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+), (\\d+)\\)");

    @Override
    public boolean keepsEveryConstraintName() {
        return true;
    }

    @Override
    public SqlType type(String printed, Catalog catalog) {
        SqlType basic = switch (printed) {
            case "SMALLINT" -> SqlType.SMALLINT;
            case "INT" -> SqlType.INTEGER;
            case "BIGINT" -> SqlType.BIGINT;
            case "LONGTEXT" -> SqlType.TEXT;
            case "BOOLEAN" -> SqlType.BOOLEAN;
            case "DATE" -> SqlType.DATE;
            case "DATETIME(6)" -> SqlType.TIMESTAMP;
            case "FLOAT" -> SqlType.REAL;
            case "DOUBLE" -> SqlType.DOUBLE;
            case "CHAR(36)" -> SqlType.UUID;
            case "JSON" -> SqlType.JSON;
            case "LONGBLOB" -> SqlType.BLOB;
            default -> null;
        };
        if (basic != null) {
            return basic;
        }
        Matcher m = VARCHAR.matcher(printed);
        if (m.matches()) {
            return varchar(Integer.parseInt(m.group(1)));
        }
        m = DECIMAL.matcher(printed);
        if (m.matches()) {
            return numeric(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return named(printed);
    }

    /** MySQL names what was made unnamed by a pattern of its own ({@code t_ibfk_1}); Retort names every constraint. */
    @Override
    public String databaseName(Constraint constraint, String table) {
        return null;
    }

    @Override
    public ServerDefault serverDefault(String printed, String table, TableInfo.ColumnInfo column) {
        if (printed == null) {
            return null;
        }
        String lower = printed.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("current_timestamp") || lower.equals("curdate()")) {
            return ServerDefault.now();
        }
        if (lower.equals("uuid()")) {
            return ServerDefault.randomUuid();
        }
        if (column.type().equals("BOOLEAN") && (printed.equals("1") || printed.equals("0"))) {
            return ServerDefault.value(printed.equals("1"));
        }
        ServerDefault number = CatalogReader.number(printed);
        if (number != null) {
            return number;
        }
        String text = printed.contains("\\") ? null : CatalogReader.stringLiteral(printed);
        return text != null ? ServerDefault.value(text) : ServerDefault.sql(printed);
    }
}
