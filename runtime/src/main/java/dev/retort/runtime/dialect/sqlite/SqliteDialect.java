package dev.retort.runtime.dialect.sqlite;

import dev.retort.op.Op;
import dev.retort.runtime.dialect.Action;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.MigrationLock;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.runtime.dialect.RendererCache;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.CatalogDiff;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * SQLite. Through JDBC its DDL is transactional (Python's driver was what kept Alembic from
 * using that), so a failed migration rolls back whole here too.
 */
public final class SqliteDialect implements Dialect {

    /** The default {@code ServerDefault.randomUuid()} writes, as SQLite keeps it. */
    public static final String RANDOM_UUID_DEFAULT = SqliteTypes.RANDOM_UUID;

    private final RendererCache<SqliteRenderer> renderers = new RendererCache<>();

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public List<Action> render(Op op, RenderContext context) {
        return op.accept(renderers.of(context, c -> new SqliteRenderer(this, c)));
    }

    /** Changes in a row that each rebuild the same table become one rebuild: a big table is copied once. */
    @Override
    public List<Action> combine(List<Action> actions) {
        var combined = new java.util.ArrayList<Action>(actions.size());
        for (Action action : actions) {
            int last = combined.size() - 1;
            if (last >= 0 && combined.get(last) instanceof SqliteBatch previous && action instanceof SqliteBatch next) {
                SqliteBatch joined = previous.joinedWith(next);
                if (joined != null) {
                    combined.set(last, joined);
                    continue;
                }
            }
            combined.add(action);
        }
        return combined;
    }

    /**
     * Turns foreign-key enforcement off for a step that may rebuild a table, before its
     * transaction begins (inside one the pragma does nothing), and back on after it ends. With it
     * on, the rebuild's DROP TABLE would run the ON DELETE actions of other tables' foreign keys.
     */
    @Override
    public AutoCloseableSql prepareStep(Connection connection, List<Action> actions) throws SQLException {
        boolean rebuilds = actions.stream().anyMatch(a -> a instanceof Action.Live live && live.needsForeignKeysOff());
        if (!rebuilds || !foreignKeysOn(connection)) {
            return () -> { };
        }
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
        }
        return () -> {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA foreign_keys = ON");
            }
        };
    }

    private static boolean foreignKeysOn(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA foreign_keys")) {
            return r.next() && r.getInt(1) == 1;
        }
    }

    @Override
    public MigrationLock lock(Connection connection, MigrationLock.ConnectionSource connections, TableName versionTable,
            Duration timeout) throws SQLException {
        return SqliteFileLock.acquire(connection, timeout);
    }

    /**
     * Every statement waits up to the lock timeout for another process's transaction to let the
     * database go (SQLite's busy timeout), as the migration lock does.
     */
    @Override
    public void configure(Connection connection, Duration lockTimeout) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + Math.max(0, Math.min(Integer.MAX_VALUE, lockTimeout.toMillis())));
        }
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return SqliteFileLock.isBusy(e);
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public String identityPrimaryKey() {
        return "INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    public String booleanType() {
        return "INTEGER";
    }

    @Override
    public String timestampType() {
        return "TEXT";
    }

    /** ISO-8601 text sorts and reads back exactly, where the driver's default would store epoch millis. */
    @Override
    public void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setString(index, value.toString());
    }

    /** ISO-8601 in UTC with milliseconds, which {@link Instant#parse} reads back. */
    @Override
    public String currentTimestampSql() {
        return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    }

    @Override
    public String currentUserSql() {
        return "NULL";
    }

    @Override
    public Instant getTimestamp(ResultSet rows, String column) throws SQLException {
        String text = rows.getString(column);
        return text == null ? null : Instant.parse(text);
    }

    /**
     * A declared name in the migrations and the storage-class name earlier builds of Retort wrote
     * for it are the same column (one way: {@code TEXT} in the migrations is not a database's
     * {@code DATETIME}); a default in parentheses is the same default ({@code DEFAULT
     * (CURRENT_TIMESTAMP)} is how SQLAlchemy writes {@code func.now()}); a check reads the same
     * with or without quotes around plain identifiers.
     */
    @Override
    public CatalogDiff.Equivalence equivalence() {
        return new CatalogDiff.Equivalence() {
            /** One way: the migrations' declared name, or the storage class an earlier build wrote for it. */
            @Override
            public boolean sameType(String expected, String actual) {
                return expected != null && actual != null
                        ? expected.equalsIgnoreCase(actual) || SqliteTypes.legacy(expected).equalsIgnoreCase(actual)
                        : expected == actual;
            }

            /** SQLite keeps a check as written: {@code "mood" IN (…)} and SQLAlchemy's {@code mood IN (…)} are one. */
            @Override
            public String check(String expression) {
                return expression == null ? null : expression.replaceAll("\"([A-Za-z_][A-Za-z0-9_]*)\"", "$1");
            }

            @Override
            public boolean sameDefault(String expected, String actual) {
                return expected != null && actual != null
                        ? unwrapped(expected).equals(unwrapped(actual))
                        : expected == actual;
            }
        };
    }

    /** The expression without the parentheses that enclose all of it, if they do. */
    public static String unwrapped(String expression) {
        String e = expression.strip();
        List<SqlTokens.Token> tokens = SqlTokens.of(e);
        while (tokens.size() > 1 && tokens.get(0).is("(") && SqlTokens.matching(tokens, 0) == tokens.size() - 1) {
            e = e.substring(tokens.get(0).end(), tokens.get(tokens.size() - 1).start()).strip();
            tokens = SqlTokens.of(e);
        }
        return e;
    }

    @Override
    public Catalog introspect(Connection connection, String schema) throws SQLException {
        return SqliteIntrospector.read(connection, schema, this);
    }

    @Override
    public boolean tableExists(Connection connection, TableName table) throws SQLException {
        String master = table.schema() == null ? "sqlite_master" : quote(table.schema()) + ".sqlite_master";
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT 1 FROM " + master + " WHERE type = 'table' AND name = ?")) {
            s.setString(1, table.name());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
