package dev.retort.runtime.introspect;

import dev.retort.runtime.introspect.TableInfo.CheckInfo;
import dev.retort.runtime.introspect.TableInfo.ColumnInfo;
import dev.retort.runtime.introspect.TableInfo.ForeignKeyInfo;
import dev.retort.runtime.introspect.TableInfo.IndexInfo;
import dev.retort.runtime.introspect.TableInfo.KeyInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table read from a catalog a query at a time (its columns by one query for all tables, its
 * keys by another, …), made a {@link TableInfo} at the end. The lists are the builder's own, to add to.
 */
public final class TableBuilder {

    private final String name;
    private final String comment;
    private final List<ColumnInfo> columns = new ArrayList<>();
    private KeyInfo primaryKey;
    private final List<KeyInfo> uniques = new ArrayList<>();
    private final List<CheckInfo> checks = new ArrayList<>();
    private final List<ForeignKeyInfo> foreignKeys = new ArrayList<>();
    private final List<IndexInfo> indexes = new ArrayList<>();
    private final List<String> triggers = new ArrayList<>();

    public TableBuilder(String name, String comment) {
        this.name = name;
        this.comment = comment;
    }

    public List<ColumnInfo> columns() {
        return columns;
    }

    public void primaryKey(KeyInfo key) {
        primaryKey = key;
    }

    public List<KeyInfo> uniques() {
        return uniques;
    }

    public List<CheckInfo> checks() {
        return checks;
    }

    public List<ForeignKeyInfo> foreignKeys() {
        return foreignKeys;
    }

    public List<IndexInfo> indexes() {
        return indexes;
    }

    public List<String> triggers() {
        return triggers;
    }

    public TableInfo build() {
        return new TableInfo(name, columns, primaryKey, uniques, checks, foreignKeys, indexes, triggers, comment);
    }

    /** Reads one row of a catalog query. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs a catalog query whose one parameter is the schema, handing each row to {@code reader}. */
    public static void forEachRow(Connection connection, String sql, String schema, RowReader reader) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, schema);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        }
    }
}
