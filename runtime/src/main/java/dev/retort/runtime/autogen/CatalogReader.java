package dev.retort.runtime.autogen;

import dev.retort.op.IndexPart;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.schema.Constraint;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads a catalog's text back as the DSL's values: a type as the database prints it as the
 * {@link SqlType} that renders to it again, a printed default as the {@link ServerDefault} that
 * prints the same. What has no portable form stays as written ({@code named(...)},
 * {@code sql(...)}), so applying what was read always gives the catalog back.
 */
sealed interface CatalogReader permits MysqlCatalogReader, PostgresCatalogReader, SqliteCatalogReader {

    static CatalogReader of(String dialect) {
        return switch (dialect) {
            case "postgresql" -> new PostgresCatalogReader();
            case "mysql" -> new MysqlCatalogReader();
            default -> new SqliteCatalogReader();
        };
    }

    SqlType type(String printed, Catalog catalog);

    /** {@code null} for no default; {@link ServerDefault.Serial} for a column its own sequence numbers. */
    ServerDefault serverDefault(String printed, String table, TableInfo.ColumnInfo column);

    /** The name this database gives the constraint when it is made unnamed; {@code null} when it keeps none. */
    String databaseName(Constraint constraint, String table);

    /** A printed index part ({@code email}, {@code lower(email) DESC}) as a column or an expression. */
    /**
     * Whether the catalog names every constraint it has, so that a constraint the naming convention
     * names and one named otherwise differ (MySQL: a unique index and a unique constraint are one
     * thing there, each with its name). SQLite keeps no name for many, so a missing name says nothing.
     */
    default boolean keepsEveryConstraintName() {
        return false;
    }

    default IndexPart indexPart(String printed, TableInfo table) {
        boolean descending = printed.endsWith(" DESC");
        String key = descending ? printed.substring(0, printed.length() - 5) : printed;
        String column = unquoted(key);
        IndexPart part = column != null && table.column(column).isPresent() ? IndexPart.column(column)
                : IndexPart.expression(key);
        return descending ? new IndexPart(part.column(), part.expression(), true) : part;
    }

    /** {@code name} or {@code "Odd Name"} as the bare name; {@code null} when it is no identifier. */
    static String unquoted(String text) {
        if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
            String inner = text.substring(1, text.length() - 1);
            return inner.replace("\"\"", "").contains("\"") ? null : inner.replace("\"\"", "\"");
        }
        return Patterns.IDENTIFIER.matcher(text).matches() ? text : null;
    }

    /** A default that is a plain number: {@code 42}, {@code -1.5}; {@code null} otherwise. */
    static ServerDefault number(String text) {
        if (Patterns.WHOLE.matcher(text).matches()) {
            return ServerDefault.value(Long.parseLong(text));
        }
        if (Patterns.DECIMAL.matcher(text).matches()) {
            return ServerDefault.value(new BigDecimal(text));
        }
        return null;
    }

    /** Compiled once: the diff asks these of every column and constraint. */
    final class Patterns {
        static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
        static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,18}");
        static final Pattern DECIMAL = Pattern.compile("-?[0-9]+\\.[0-9]+");

        private Patterns() {
        }
    }

    /** {@code 'it''s'} as {@code it's}; {@code null} when the text is not one string literal. */
    static String stringLiteral(String text) {
        if (text.length() < 2 || !text.startsWith("'") || !text.endsWith("'")) {
            return null;
        }
        String inner = text.substring(1, text.length() - 1);
        if (inner.replace("''", "").contains("'")) {
            return null;
        }
        return inner.replace("''", "'");
    }
}
