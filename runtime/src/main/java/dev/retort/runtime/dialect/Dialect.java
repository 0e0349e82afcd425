package dev.retort.runtime.dialect;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.OnlyOn;
import dev.retort.op.Op;
import dev.retort.op.OpVisitor;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.CatalogDiff;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What Retort needs to know about one database. Creating a dialect is cheap: the renderer
 * behind {@link #render} (and, for PostgreSQL, jOOQ) is loaded only when a step is rendered, so
 * an application already at head never pays for it.
 */
public interface Dialect {

    /** {@code postgresql} or {@code sqlite}, as the command line's {@code --dialect} spells it. */
    String name();

    /** The identifier in double quotes, embedded quotes doubled: every name is quoted, always. */
    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    default String qualify(TableName table) {
        return table.schema() == null ? quote(table.name()) : quote(table.schema()) + "." + quote(table.name());
    }

    /**
     * A string literal.
     *
     * @throws RetortException {@code INVALID_OP} for a NUL character, which neither
     *     database's SQL text can carry (PostgreSQL ends the statement there, SQLite the string)
     */
    default String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new RetortException(ErrorCode.INVALID_OP, "the text '"
                    + value.replace("\0", "\\0") + "' holds a NUL character, which no SQL literal can carry");
        }
        return '\'' + value.replace("'", "''") + '\'';
    }

    /** {@code "col" IN ('a', 'b')}: the check an enum column carries, native or not. */
    default String oneOf(String column, List<String> values) {
        return quote(column) + " IN (" + String.join(", ", values.stream().map(this::literal).toList()) + ")";
    }

    /**
     * The actions that perform {@code op}: mostly statements; for SQLite table rebuilds, work done
     * on the connection when the step runs.
     *
     * @throws dev.retort.RetortException {@code UNSUPPORTED_OP} when this database cannot do it,
     *     with the way out in the message
     */
    List<Action> render(Op op, RenderContext context);

    /**
     * The actions of one step, after each op was rendered: a dialect may join neighbours that are
     * cheaper done together (SQLite makes one table rebuild of several changes in a row).
     */
    default List<Action> combine(List<Action> actions) {
        return actions;
    }

    /** The statements of {@code op}, for ops that render to statements only (tests, offline). */
    default List<String> statements(Op op, RenderContext context) {
        return render(op, context).stream().flatMap(a -> a.offline().stream()).toList();
    }

    /**
     * Readies the connection for a step with these actions, before its transaction begins, and
     * returns what puts it back after the transaction ends. SQLite turns foreign-key enforcement
     * off around a table rebuild: inside a transaction the pragma does nothing, and with it on a
     * rebuild's DROP TABLE would cascade.
     */
    default AutoCloseableSql prepareStep(Connection connection, List<Action> actions) throws SQLException {
        return () -> { };
    }

    /** {@link AutoCloseable} whose close may throw only {@link SQLException}. */
    @FunctionalInterface
    interface AutoCloseableSql extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /**
     * Takes the migration lock, waiting at most {@code timeout} for another process to release it.
     *
     * @param connection the run's connection
     * @param connections where to open another connection, for a dialect that locks on one of its own
     * @throws dev.retort.RetortException {@code LOCK_TIMEOUT} when the wait runs out
     */
    MigrationLock lock(Connection connection, MigrationLock.ConnectionSource connections, TableName versionTable,
            Duration timeout) throws SQLException;

    /** Readies a freshly opened connection; SQLite waits up to {@code lockTimeout} for another process's lock. */
    default void configure(Connection connection, Duration lockTimeout) throws SQLException {
    }

    /** What {@link #configure} sets on a session that an offline script must set too, as statements. */
    default List<String> sessionSetupSql() {
        return List.of();
    }

    /** What a statement that failed outside a transaction left behind besides, for the error; empty for nothing. */
    default String leftBehindBy(String failedStatement) {
        return "";
    }

    /** Whether this failure means the connection waited in vain for another process's lock. */
    default boolean isLockTimeout(SQLException e) {
        return false;
    }

    /** Whether a failed migration's DDL rolls back with its transaction. */
    boolean transactionalDdl();

    /** Whether a schema is a database of its own (MySQL), not a namespace inside one (PostgreSQL). */
    default boolean schemaIsDatabase() {
        return false;
    }

    /** The column definition of an auto-numbered primary key, for Retort's own history table. */
    String identityPrimaryKey();

    String booleanType();

    String timestampType();

    void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException;

    /** The current time as SQL, stored as {@link #setTimestamp} stores it: for offline scripts' history rows. */
    String currentTimestampSql();

    /** The database user as SQL, or {@code NULL} where the database has none. */
    String currentUserSql();

    Instant getTimestamp(ResultSet rows, String column) throws SQLException;

    /**
     * The schema as the catalog describes it.
     *
     * @param schema the schema (PostgreSQL) or attached database (SQLite), or {@code null} for the
     *     connection's own
     */
    Catalog introspect(Connection connection, String schema) throws SQLException;

    /** A block of ops for some databases: rendered by {@code renderer} when this is one of them, else nothing. */
    default List<Action> renderOnlyOn(OnlyOn block, OpVisitor<List<Action>> renderer) {
        var actions = new ArrayList<Action>();
        if (block.appliesTo(name())) {
            for (Op op : block.ops()) {
                actions.addAll(op.accept(renderer));
            }
        }
        return actions;
    }

    /** Whether this dialect renders DDL online-safe when asked ({@link RenderContext#onlineSafe()}); PostgreSQL does. */
    default boolean rendersOnlineSafe() {
        return false;
    }

    /**
     * {@code op} rendered online-safe, but plain on the tables {@code plain} names: those the same
     * step creates (no query can wait on them yet) and those the safe statements do not work on
     * (PostgreSQL's partitioned tables). By default, the plain rendering.
     */
    default List<Action> renderOnlineSafe(Op op, RenderContext context, java.util.function.Predicate<TableName> plain) {
        return render(op, context);
    }

    /**
     * Whether the table (or, for a {@code dropIndex} that names none, the index) is one the
     * online-safe statements do not work on: PostgreSQL builds and drops no index of a partitioned
     * table CONCURRENTLY and adds it no foreign key NOT VALID.
     */
    default boolean refusesOnlineSafe(Connection connection, TableName table) throws SQLException {
        return false;
    }

    /** An online-safe step's actions with what sets and resets its session around them ({@code lock_timeout}). */
    default List<Action> onlineSafeStep(List<Action> actions, Duration lockTimeout) {
        return actions;
    }

    /**
     * Undoes what an earlier try of an online-safe statement left behind, before it is tried
     * (PostgreSQL keeps the invalid index of a {@code CREATE INDEX CONCURRENTLY} that failed, which
     * the try would find, or with {@code IF NOT EXISTS} take for done).
     *
     * @throws SQLException when it cannot; the statement is not tried then
     */
    default void undoFailedTry(Connection connection, String statement) throws SQLException {
    }

    /** Puts back what an online-safe step set on the session, after it failed part-way. */
    default void resetSession(Connection connection) throws SQLException {
    }

    /** Raw SQL: this dialect's statement, or nothing when it was given for other dialects only. */
    default List<Action> renderExecute(dev.retort.op.Execute op) {
        String sql = op.sql().forDialect(name());
        return sql == null ? List.of() : List.of(new Action.Sql(sql));
    }

    /** Java work, run on the step's connection. */
    default List<Action> renderRunJdbc(dev.retort.op.RunJdbc op) {
        return List.of(new Action.Code(op.description(), op.work()));
    }

    /** A batch block on a database that alters in place: its ops, one after the other. */
    default List<Action> renderInPlace(dev.retort.op.BatchAlterTable block, OpVisitor<List<Action>> renderer) {
        var actions = new ArrayList<Action>();
        for (Op op : block.ops()) {
            actions.addAll(op.accept(renderer));
        }
        return actions;
    }

    /** How {@code check} compares this database's catalog with the migrations' replay. */
    default CatalogDiff.Equivalence equivalence() {
        return CatalogDiff.Equivalence.EXACT;
    }

    /** Whether a table of this name exists where an unqualified name would find it. */
    boolean tableExists(Connection connection, TableName table) throws SQLException;
}
