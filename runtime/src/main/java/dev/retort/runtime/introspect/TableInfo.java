package dev.retort.runtime.introspect;

import java.util.List;
import java.util.Optional;

/**
 * A table as the catalog describes it. Names of constraints are {@code null} where the database
 * keeps none (SQLite's unnamed constraints).
 *
 * @param primaryKey {@code null} when the table has none
 * @param indexes the indexes made by CREATE INDEX, not those behind a key or unique constraint
 * @param triggers the names of the table's triggers
 * @param comment {@code null} when none (always on SQLite)
 */
public record TableInfo(String name, List<ColumnInfo> columns, KeyInfo primaryKey, List<KeyInfo> uniques,
        List<CheckInfo> checks, List<ForeignKeyInfo> foreignKeys, List<IndexInfo> indexes, List<String> triggers,
        String comment) {

    public TableInfo {
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
        checks = List.copyOf(checks);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
        triggers = List.copyOf(triggers);
    }

    public Optional<ColumnInfo> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnInfo::name).toList();
    }

    public Optional<IndexInfo> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    /**
     * A column.
     *
     * @param type the type as the database reports it ({@code character varying(255)},
     *     {@code VARCHAR(255)})
     * @param defaultValue the default expression as the database prints it, or {@code null}
     * @param identity whether the database numbers it as an identity column does: PostgreSQL's
     *     identity, SQLite's {@code INTEGER PRIMARY KEY AUTOINCREMENT} (a plain rowid key reuses the
     *     numbers of deleted rows, so it is not one)
     */
    public record ColumnInfo(String name, String type, boolean nullable, String defaultValue, boolean identity,
            String comment) {
    }

    /** A primary key or unique constraint. */
    public record KeyInfo(String name, List<String> columns) {
        public KeyInfo {
            columns = List.copyOf(columns);
        }
    }

    /** A check constraint with its expression as the database prints it. */
    public record CheckInfo(String name, String expression) {
    }

    /**
     * A foreign key. Actions are spelled as in SQL ({@code CASCADE}, {@code SET NULL},
     * {@code NO ACTION}, …).
     */
    public record ForeignKeyInfo(String name, List<String> columns, String referredTable, List<String> referredColumns,
            String onDelete, String onUpdate, boolean deferrable, boolean initiallyDeferred) {
        public ForeignKeyInfo {
            columns = List.copyOf(columns);
            referredColumns = List.copyOf(referredColumns);
        }
    }

    /**
     * An index.
     *
     * @param parts each column name, or expression as the database prints it, with {@code " DESC"}
     *     appended when descending
     * @param where a partial index's condition, or {@code null}
     */
    public record IndexInfo(String name, boolean unique, List<String> parts, String where) {
        public IndexInfo {
            parts = List.copyOf(parts);
        }
    }
}
