package dev.retort.runtime.dialect.postgres;

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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** PostgreSQL, whose DDL is transactional. */
public final class PostgresDialect implements Dialect {

    private static final Pattern CONCURRENT_INDEX = Pattern.compile("(?i)\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b");
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|\\w+)";
    /** The index and table of a {@code CREATE INDEX CONCURRENTLY} as Retort renders it. */
    private static final Pattern CONCURRENT_INDEX_PARTS = Pattern.compile("(?i)\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+"
            + "CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME + ")\\s+ON\\s+(?:ONLY\\s+)?(" + NAME + "(?:\\." + NAME
            + ")?)");

    private final RendererCache<PostgresRenderer> renderers = new RendererCache<>();

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public List<Action> render(Op op, RenderContext context) {
        return op.accept(renderers.of(context, c -> new PostgresRenderer(this, c)));
    }

    @Override
    public boolean rendersOnlineSafe() {
        return true;
    }

    @Override
    public List<Action> renderOnlineSafe(Op op, RenderContext context, java.util.function.Predicate<TableName> plain) {
        return new PostgresOnlineSafe(this, context, plain).render(op);
    }

    /** A partitioned table ({@code relkind 'p'}) or partitioned index ({@code 'I'}). */
    @Override
    public boolean refusesOnlineSafe(Connection connection, TableName table) throws SQLException {
        try (var find = connection.prepareStatement("SELECT c.relkind IN ('p', 'I') FROM pg_class c"
                + " WHERE c.oid = to_regclass(?)")) {
            find.setString(1, qualify(table));
            try (var rows = find.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** The step's {@code lock_timeout}, set for the session (each statement commits by itself), and put back after. */
    @Override
    public List<Action> onlineSafeStep(List<Action> actions, Duration lockTimeout) {
        var all = new java.util.ArrayList<Action>();
        all.add(new Action.Sql("SET lock_timeout = '" + lockTimeout.toMillis() + "ms'"));
        all.addAll(actions);
        all.add(new Action.Sql("RESET lock_timeout"));
        return all;
    }

    /** A {@code CREATE INDEX CONCURRENTLY} that failed after its first phase left an invalid index: drop it. */
    @Override
    public void undoFailedTry(Connection connection, String statement) throws SQLException {
        var parts = CONCURRENT_INDEX_PARTS.matcher(statement);
        if (!parts.lookingAt()) {
            return;
        }
        String index = parts.group(1).startsWith("\"")
                ? parts.group(1).substring(1, parts.group(1).length() - 1).replace("\"\"", "\"") : parts.group(1).toLowerCase(java.util.Locale.ROOT);
        String schema = null;
        try (var find = connection.prepareStatement("SELECT n.nspname FROM pg_index i JOIN pg_class c ON c.oid ="
                + " i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE i.indrelid = to_regclass(?)"
                + " AND c.relname = ? AND NOT i.indisvalid")) {
            find.setString(1, parts.group(2));
            find.setString(2, index);
            try (var rows = find.executeQuery()) {
                if (rows.next()) {
                    schema = rows.getString(1);
                }
            }
        }
        if (schema != null) {
            try (var drop = connection.createStatement()) {
                drop.execute("DROP INDEX CONCURRENTLY IF EXISTS " + quote(schema) + "." + quote(index));
            }
        }
    }

    @Override
    public void resetSession(Connection connection) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute("RESET lock_timeout");
        }
    }

    /** {@code lock_not_available}: a statement's {@code lock_timeout} ran out. */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return "55P03".equals(e.getSQLState());
    }

    /**
     * {@code now()} and {@code CURRENT_TIMESTAMP} are the same clock; earlier builds of Retort wrote the
     * second for {@code ServerDefault.now()}, so a database it made is not drift. A check is compared
     * in the form PostgreSQL prints after reading its own print.
     */
    @Override
    public CatalogDiff.Equivalence equivalence() {
        return new CatalogDiff.Equivalence() {
            @Override
            public boolean sameDefault(String expected, String actual) {
                return Objects.equals(clock(expected), clock(actual));
            }

            /** As PostgreSQL prints it once it has read its own print: see {@link PostgresCheckText}. */
            @Override
            public String check(String expression) {
                return expression == null ? null : PostgresCheckText.canonical(expression);
            }
        };
    }

    private static String clock(String defaultValue) {
        return "CURRENT_TIMESTAMP".equals(defaultValue) ? "now()" : defaultValue;
    }

    @Override
    public MigrationLock lock(Connection connection, MigrationLock.ConnectionSource connections, TableName versionTable,
            Duration timeout) throws SQLException {
        return PostgresAdvisoryLock.acquire(connection, connections, versionTable, timeout);
    }

    /** A failed {@code CREATE INDEX CONCURRENTLY} leaves its index behind, marked invalid, and the retry would find it there. */
    @Override
    public String leftBehindBy(String failedStatement) {
        if (failedStatement != null && CONCURRENT_INDEX.matcher(failedStatement).lookingAt()) {
            return "; PostgreSQL keeps the index of a CREATE INDEX CONCURRENTLY that failed, marked invalid: drop it"
                    + " (DROP INDEX CONCURRENTLY …) before the step runs again, if it is there";
        }
        return "";
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public String identityPrimaryKey() {
        return "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    }

    @Override
    public String booleanType() {
        return "BOOLEAN";
    }

    @Override
    public String timestampType() {
        return "TIMESTAMP WITH TIME ZONE";
    }

    @Override
    public void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, value.atOffset(ZoneOffset.UTC));
    }

    @Override
    public String currentTimestampSql() {
        return "CURRENT_TIMESTAMP";
    }

    @Override
    public String currentUserSql() {
        return "CURRENT_USER";
    }

    @Override
    public Instant getTimestamp(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Resolved through the search path, as an unqualified name in a statement would be. */
    @Override
    public Catalog introspect(Connection connection, String schema) throws SQLException {
        return PostgresIntrospector.read(connection, schema);
    }

    @Override
    public boolean tableExists(Connection connection, TableName table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, qualify(table));
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }
}
