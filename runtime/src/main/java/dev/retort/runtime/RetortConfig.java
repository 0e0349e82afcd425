package dev.retort.runtime;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.index.MigrationIndex;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.runtime.jdbc.DatabaseUrl;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.TableName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Everything a {@link Retort} needs, validated once when built, before any connection is opened.
 *
 * @param dataSource where connections come from, or {@code null} when {@code url} is given
 * @param url the database, or {@code null} when {@code dataSource} is given
 * @param indexes the migration indexes to use, or {@code null} to load every index that
 *     {@code classLoader} sees through {@code META-INF/services}
 * @param naming how constraints and indexes a migration leaves unnamed are named
 * @param sqliteAutoRebuild whether an op SQLite cannot do in place, outside a
 *     {@code batchAlterTable} block, rebuilds the table by itself (logged) or fails naming the block
 * @param lockTimeout how long a run waits for the migration lock another process holds
 * @param transactionMode one transaction per migration, or one for the whole run
 * @param strict whether applied revisions that changed, or that the code does not have, stop a run
 * @param onlineSafe the {@code lock_timeout} under which PostgreSQL's DDL is rendered online-safe,
 *     or {@code null} for the plain rendering (a migration may still ask with {@code @OnlineSafe})
 */
public record RetortConfig(DataSource dataSource, DatabaseUrl url, TableName versionTable, TableName historyTable,
        List<MigrationIndex> indexes, ClassLoader classLoader, StepListener listener, NamingConvention naming,
        boolean sqliteAutoRebuild, Duration lockTimeout, TransactionMode transactionMode, boolean strict,
        Duration onlineSafe) {

    /** Long enough for another instance's migrations to finish, short enough that a stuck start is noticed. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

    public static final String DEFAULT_VERSION_TABLE = "retort_version";
    public static final String DEFAULT_HISTORY_TABLE = "retort_history";

    /**
     * The history table that goes with a version table: {@code retort_version} keeps
     * {@code retort_history}, {@code lib_version} {@code lib_history}, any other name {@code
     * <name>_history}. Two migration sets in one schema (one version table each) never read each
     * other's history.
     */
    public static String historyTableFor(String versionTable) {
        String stem = versionTable.endsWith("_version") ? versionTable.substring(0, versionTable.length() - "_version".length())
                : versionTable;
        return stem + "_history";
    }

    public RetortConfig {
        if ((dataSource == null) == (url == null)) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION,
                    "configure exactly one of dataSource(...) and url(...)");
        }
        Objects.requireNonNull(versionTable, "versionTable");
        Objects.requireNonNull(historyTable, "historyTable");
        // Compared by field: a record's own equals bootstraps java.lang.runtime.ObjectMethods on its
        // first call, 25-50 ms of a start that otherwise never needs it (bench/README.md, StartBench).
        if (Objects.equals(versionTable.schema(), historyTable.schema()) && versionTable.name().equals(historyTable.name())) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION,
                    "the version table and the history table are both " + versionTable + "; give them different names");
        }
        indexes = indexes == null ? null : List.copyOf(indexes);
        classLoader = classLoader == null ? defaultClassLoader() : classLoader;
        listener = listener == null ? StepListener.NONE : listener;
        naming = naming == null ? NamingConvention.alembic() : naming;
        lockTimeout = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : lockTimeout;
        if (lockTimeout.isNegative()) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, "lockTimeout must not be negative, not " + lockTimeout);
        }
        transactionMode = transactionMode == null ? TransactionMode.PER_MIGRATION : transactionMode;
    }

    /**
     * The thread's context class loader, where an application's own classes are when they live in
     * a child loader (Spring Boot devtools' restart loader, an application server, a plugin host);
     * Retort's own loader when there is none.
     */
    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Retort.class.getClassLoader();
    }

    /** What rendering ops needs from the configuration. */
    public RenderContext renderContext() {
        return new RenderContext(naming, sqliteAutoRebuild, onlineSafe);
    }

    /** Collects a configuration; {@link #config()} and {@link #build()} check it as a whole. */
    public static final class Builder {
        private DataSource dataSource;
        private String url;
        private DatabaseUrl database;
        private String user;
        private String password;
        private String schema;
        private String versionTable = DEFAULT_VERSION_TABLE;
        private String historyTable;
        private List<MigrationIndex> indexes;
        private ClassLoader classLoader;
        private StepListener listener;
        private NamingConvention naming;
        private boolean sqliteAutoRebuild = true;
        private Duration lockTimeout;
        private TransactionMode transactionMode;
        private boolean strict;
        private Duration onlineSafe;

        Builder() {
        }

        public Builder dataSource(DataSource value) {
            dataSource = value;
            return this;
        }

        /** A JDBC URL, or {@code postgresql://user:pass@host/db}, {@code sqlite:///file.db} and the like. */
        public Builder url(String value) {
            url = value;
            return this;
        }

        /** A database already parsed, with its credentials (the command line's, the test kit's). */
        public Builder database(DatabaseUrl value) {
            database = value;
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder password(String value) {
            password = value;
            return this;
        }

        /** The schema of Retort's own tables; by default the connection's. */
        public Builder schema(String value) {
            schema = value;
            return this;
        }

        /** Name {@code alembic_version} here to adopt a database Alembic managed. */
        public Builder versionTable(String value) {
            versionTable = value;
            return this;
        }

        /** The history table; by default the version table's own ({@link #historyTableFor}). */
        public Builder historyTable(String value) {
            historyTable = value;
            return this;
        }

        /** Uses these indexes instead of the ones on the class path. */
        public Builder indexes(List<MigrationIndex> value) {
            indexes = value;
            return this;
        }

        /**
         * Where to find the generated indexes; by default the context class loader of the thread
         * that builds the configuration (else Retort's own).
         */
        public Builder classLoader(ClassLoader value) {
            classLoader = value;
            return this;
        }

        public Builder listener(StepListener value) {
            listener = value;
            return this;
        }

        /** How unnamed constraints and indexes are named; by default Alembic's recommended convention. */
        public Builder namingConvention(NamingConvention value) {
            naming = value;
            return this;
        }

        /**
         * Whether an op SQLite cannot do in place, outside a {@code batchAlterTable} block, rebuilds
         * the table by itself (the default, logged) or fails naming {@code batchAlterTable}.
         */
        public Builder sqliteAutoRebuild(boolean value) {
            sqliteAutoRebuild = value;
            return this;
        }

        /** How long to wait for the migration lock another process holds (default 5 minutes). */
        public Builder lockTimeout(Duration value) {
            lockTimeout = value;
            return this;
        }

        /** One transaction per migration (the default) or one for the whole run. */
        public Builder transactionMode(TransactionMode value) {
            transactionMode = value;
            return this;
        }

        /**
         * Whether an applied revision whose ops changed since it ran, or one the code no longer
         * has, stops {@code upgrade} and {@code downgrade} (checked even at head) instead of being
         * reported as a warning when there are steps to run.
         */
        public Builder strict(boolean value) {
            strict = value;
            return this;
        }

        /**
         * Renders PostgreSQL's DDL online-safe, every statement under this {@code lock_timeout}
         * and retried when the lock cannot be had: see {@code @OnlineSafe}. {@code null}: the plain rendering.
         */
        public Builder onlineSafe(Duration lockTimeout) {
            // PostgreSQL counts lock_timeout in milliseconds, and 0 turns it off.
            if (lockTimeout != null && (lockTimeout.isNegative() || lockTimeout.toMillis() < 1)) {
                throw new RetortException(ErrorCode.BAD_CONFIGURATION, "onlineSafe needs a lock_timeout of at least 1 ms,"
                        + " not " + lockTimeout);
            }
            onlineSafe = lockTimeout;
            return this;
        }

        /** Checks the configuration as a whole and returns the {@link Retort} it configures. */
        public Retort build() {
            return new Retort(config());
        }

        /** Checks the configuration as a whole. */
        public RetortConfig config() {
            if (database != null && url != null) {
                throw new RetortException(ErrorCode.BAD_CONFIGURATION, "configure one of url(...) and database(...)");
            }
            DatabaseUrl parsed = database != null ? database : url == null ? null : DatabaseUrl.parse(url, user, password);
            if (url == null && (user != null || password != null)) {
                throw new RetortException(ErrorCode.BAD_CONFIGURATION,
                        "user and password go with url(...); a dataSource(...) and a database(...) bring their own");
            }
            TableName version = table(schema, versionTable, "versionTable");
            TableName history = historyTable != null ? table(schema, historyTable, "historyTable")
                    : table(schema, historyTableFor(versionTable), "historyTable (by default " + versionTable
                            + "'s; give a shorter one)");
            return new RetortConfig(dataSource, parsed, version, history, indexes, classLoader, listener, naming,
                    sqliteAutoRebuild, lockTimeout, transactionMode, strict, onlineSafe);
        }

        private static TableName table(String schema, String name, String option) {
            try {
                return new TableName(schema, name);
            } catch (IllegalArgumentException e) {
                throw new RetortException(ErrorCode.BAD_CONFIGURATION, option + ": " + e.getMessage());
            }
        }
    }
}
