package dev.retort.runtime;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.graph.Direction;
import dev.retort.graph.Plan;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.Step;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.MigrationLock;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.runtime.jdbc.DatabaseUrl;
import dev.retort.runtime.jdbc.HistoryEntry;
import dev.retort.runtime.lint.Finding;
import dev.retort.runtime.lint.LintSettings;
import dev.retort.runtime.lint.Linter;
import dev.retort.runtime.jdbc.HistoryStore;
import dev.retort.runtime.jdbc.VersionStore;
import dev.retort.runtime.model.Model;
import dev.retort.runtime.offline.OfflineSql;
import dev.retort.runtime.ops.StepPreparer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Upgrades, downgrades and inspects one database with the migrations on the class path.
 *
 * <pre>{@code
 * Retort retort = Retort.configure().url("sqlite:///app.db").build();
 * retort.upgrade("head");
 * }</pre>
 *
 * <p>When the database is already at the target, {@code upgrade} reads the generated indexes
 * and the version table and returns: it creates no migration, renders nothing, and loads no
 * jOOQ class. Each step runs in its own transaction, together with its version-table update.
 */
public final class Retort {

    private final RetortConfig config;
    private final Connections connections;
    private MigrationSet migrations;

    public Retort(RetortConfig config) {
        this.config = config;
        this.connections = new Connections(config);
    }

    /** Starts a configuration; its {@code build()} checks it and returns the {@link Retort}. */
    public static RetortConfig.Builder configure() {
        return new RetortConfig.Builder();
    }

    public RetortConfig config() {
        return config;
    }

    /**
     * The migrations of every index, loaded once.
     *
     * @throws RetortException {@code NO_MIGRATIONS} when there are none
     */
    public synchronized MigrationSet migrations() {
        if (migrations == null) {
            // Starting an application against an unmigrated schema is worse than not starting.
            MigrationSet set = (config.indexes() != null
                    ? MigrationSet.of(config.indexes())
                    : MigrationSet.load(config.classLoader())).requireAny();
            if (set.soleHead() == null) {
                // Checked before any connection, as a broken graph always was: only one generated
                // index, checked whole by the processor, waits for a start that needs its graph.
                set.graph();
            }
            migrations = set;
        }
        return migrations;
    }

    public RevisionGraph graph() {
        return migrations().graph();
    }

    /** Moves the database up to {@code target} ({@code head}, an id, {@code +1}, …). */
    public RunResult upgrade(String target) {
        return run(Direction.UPGRADE, target, Connections.Access.CREATE);
    }

    /** Moves the database down to {@code target} ({@code -1}, an id, {@code base}, …). */
    public RunResult downgrade(String target) {
        return run(Direction.DOWNGRADE, target, Connections.Access.READ);
    }

    /**
     * Writes the version table so the database is at {@code targets}, running no migration: for
     * a database whose schema is already there (adopting an existing database, or repairing by
     * hand). With {@code purge} the version table is emptied first, even of revisions unknown here.
     */
    public RunResult stamp(List<String> targets, boolean purge) {
        MigrationSet set = migrations();
        return connections.with(Connections.Access.CREATE, (connection, dialect) -> {
            VersionStore versions = versions(dialect);
            try (MigrationLock lock = lock(connection, dialect)) {
                Plan plan = set.graph().stamp(versions.read(connection), targets, purge);
                return new Stamper(connection, versions, new HistoryStore(dialect, config.historyTable()), config.listener())
                        .stamp(plan, purge);
            }
        });
    }

    /**
     * The revisions the database is at, as {@code current} shows them: the version rows and the
     * branch heads those imply through {@code dependsOn}.
     */
    public List<String> currentHeads() {
        List<String> rows = current();
        return rows.stream().allMatch(graph()::contains) ? graph().currentHeads(rows) : rows;
    }

    /**
     * The version table's rows: the database's current heads (empty at base). Like every call but
     * {@code upgrade}, {@code stamp} and {@code reset}, it creates no SQLite file: one that does
     * not exist is {@code DATABASE_NOT_FOUND}.
     */
    public List<String> current() {
        return connections.with(Connections.Access.READ, (connection, dialect) -> versions(dialect).read(connection));
    }

    /** The history table, oldest step first. */
    public List<HistoryEntry> history() {
        return connections.with(Connections.Access.READ,
                (connection, dialect) -> new HistoryStore(dialect, config.historyTable()).read(connection));
    }

    /** The version of this Retort, as the history table records it. */
    public static String version() {
        return Version.VALUE;
    }

    /** Read once, on first use: every history row names it, and the jar does not change under a running JVM. */
    private static final class Version {
        static final String VALUE = read();

        private static String read() {
            try (var in = Retort.class.getResourceAsStream("version.properties")) {
                var properties = new Properties();
                if (in != null) {
                    properties.load(in);
                }
                return properties.getProperty("version", "unknown");
            } catch (IOException e) {
                return "unknown";
            }
        }
    }

    /**
     * Warnings, also given to the step listener (the command line prints them from there). The
     * logger is made on the first: finding the JDK's logger backend costs a start at head
     * 20-25 ms, and such a start warns of nothing (bench/README.md, StartBench).
     */
    private static final class Warnings {
        static final System.Logger LOG = System.getLogger(Retort.class.getName());
    }

    /**
     * The lint findings of the revisions not yet applied to the database, or, with {@code all}, of
     * every revision (no database is opened then), in the order their upgrades run. Records every
     * migration's ops; runs nothing.
     *
     * @param dialectName the database whose own rules apply, or {@code null} for the configured one's
     */
    public List<Finding> lint(boolean all, String dialectName, LintSettings settings) {
        MigrationSet set = migrations();
        Linter.Context context = lintContext(dialectName, settings);
        if (all) {
            return Linter.lint(set, Linter.pending(set, List.of()), context);
        }
        return connections.with(Connections.Access.READ, (connection, d) -> Linter.lint(set,
                Linter.pending(set, versions(d).read(connection)), context.withFacts(Linter.TableFacts.rowCounts(connection, d))));
    }

    /**
     * The lint findings of a range of revisions ({@code from:to} as {@code history -r} takes it, or
     * one revision), oldest first. Opens the database only for a range that says {@code current}.
     *
     * @param dialectName the database whose own rules apply, or {@code null} for the configured one's
     */
    public List<Finding> lint(String range, String dialectName, LintSettings settings) {
        MigrationSet set = migrations();
        Linter.Context context = lintContext(dialectName, settings);
        if (!Linter.readsCurrent(range)) {
            return Linter.lint(set, Linter.range(set, range, List.of()), context);
        }
        return connections.with(Connections.Access.READ, (connection, d) -> Linter.lint(set,
                Linter.range(set, range, versions(d).read(connection)), context.withFacts(Linter.TableFacts.rowCounts(connection,
                        d))));
    }

    private Linter.Context lintContext(String dialectName, LintSettings settings) {
        String dialect = dialectName != null ? Dialects.named(dialectName).name() : dialectName();
        return new Linter.Context(dialect, settings, config.onlineSafe() != null, config.naming(), Linter.TableFacts.NONE);
    }

    /** {@code postgresql}, {@code sqlite} or {@code mysql}: from the URL, or asked of the DataSource's database. */
    public String dialectName() {
        if (config.url() != null) {
            return Dialects.named(config.url().kind().name()).name();
        }
        return connections.with(Connections.Access.READ, (connection, dialect) -> dialect.name());
    }

    /** The SQLite database's file from the URL, or {@code null} (PostgreSQL, in memory, a DataSource). */
    public Path databaseFile() {
        return connections.databaseFile();
    }

    /** The database as it may be shown: never with a password. */
    public String database() {
        return connections.database();
    }

    /** Where the database stands against the code: its heads, the code's heads, the revisions still to apply. */
    public record Status(List<String> current, List<String> heads, List<String> pending) {
        public Status {
            current = List.copyOf(current);
            heads = List.copyOf(heads);
            pending = List.copyOf(pending);
        }

        public boolean upToDate() {
            return pending.isEmpty();
        }
    }

    /** Where the database stands; at the sole head of one index, known without building the graph. */
    public Status status() {
        List<String> rows = current();
        if (migrations().atSoleHead(rows)) {
            return new Status(rows, rows, List.of());
        }
        RevisionGraph graph = graph();
        for (String row : rows) {
            if (!graph.contains(row)) {
                throw new RetortException(ErrorCode.UNKNOWN_DATABASE_REVISION, "the database is at revision " + row
                        + ", which none of the migrations on the class path declares; add the jar that has it, or stamp");
            }
        }
        List<String> pending = graph.upgrade(rows, "heads").steps().stream().map(Step::revision).toList();
        return new Status(graph.currentHeads(rows), graph.heads(), pending);
    }

    /**
     * The differences between the database's schema and the one its migrations describe at its
     * current revision (tables, columns, types, nullability, defaults, keys, indexes, views):
     * changes made by hand. Empty when they agree.
     */
    public List<String> check() {
        MigrationSet set = migrations();
        return connections.with(Connections.Access.READ, (connection, dialect) ->
                SchemaCheck.differences(config, set, connection, dialect, versions(dialect).read(connection)));
    }

    /**
     * What autogenerate finds: the ops that turn the schema the migrations make at
     * {@code revisions} (none: base) into the one {@code model} describes, in an order that runs.
     * The migrations are replayed and the model made in scratch databases (SQLite in memory; a
     * scratch PostgreSQL database, which needs {@code CREATEDB}); the configured database is not
     * written, and on SQLite not even opened.
     *
     * @param settings settings for the model source ({@code hibernate.*} for {@code jpa:})
     */
    public ModelDiff.Result compareWithModel(Model model, Map<String, String> settings, List<String> revisions) {
        MigrationSet set = revisions.isEmpty() ? null : migrations();
        if (config.url() != null && config.url().kind() == DatabaseUrl.Kind.SQLITE) {
            try {
                return ModelDiff.compare(config, set, Dialects.named("sqlite"), null, model, settings, revisions);
            } catch (SQLException e) {
                throw new RetortException(ErrorCode.DATABASE_ERROR, "autogenerate: " + Runner.oneLine(e.getMessage()), e);
            }
        }
        return connections.with(Connections.Access.READ, (connection, dialect) ->
                ModelDiff.compare(config, set, dialect, connection, model, settings, revisions));
    }

    /** Copies the database to {@code destination} (a file that must not exist): SQLite's VACUUM INTO, or pg_dump. */
    public void backup(Path destination) {
        backup(destination, null);
    }

    /**
     * As {@link #backup(Path)}, with PostgreSQL dumped by the given pg_dump (one whose version is
     * the server's or newer, where several are installed); {@code null} for the one on the PATH.
     */
    public void backup(Path destination, Path pgDump) {
        connections.with(Connections.Access.READ, (connection, dialect) -> {
            if (dialect.name().equals("sqlite")) {
                Backup.sqlite(connection, destination);
            } else if (config.url() == null) {
                throw new RetortException(ErrorCode.BACKUP_FAILED, "backing up a server runs pg_dump or"
                        + " mariadb-dump with the URL; configure url(...) rather than a DataSource");
            } else {
                Backup.dump(config.url(), destination, schemaOf(connection), pgDump);
            }
            return null;
        });
    }

    /** The schema Retort's tables live in when the URL names one (PostgreSQL's currentSchema), or null for all. */
    private String schemaOf(Connection connection) throws SQLException {
        if (config.versionTable().schema() != null) {
            return config.versionTable().schema();
        }
        String jdbc = config.url().jdbcUrl();
        if (!jdbc.toLowerCase(Locale.ROOT).contains("currentschema=")) {
            return null;
        }
        try (var s = connection.createStatement(); var r = s.executeQuery("SELECT current_schema()")) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /**
     * Downgrades to base, dropping everything the migrations created, then upgrades to the heads:
     * a fresh database for development. Every migration must be reversible.
     */
    public RunResult reset() {
        run(Direction.DOWNGRADE, "base", Connections.Access.CREATE);
        return upgrade("heads");
    }

    /**
     * The SQL script that upgrades a database at {@code from} (version rows; empty for base) to
     * {@code target}, written without connecting to any database.
     *
     * @param dialectName {@code postgresql} or {@code sqlite}; {@code null} for the configured URL's
     */
    public String upgradeSql(List<String> from, String target, String dialectName) {
        Plan plan = migrations().graph().upgrade(from, target);
        return offline(dialectName).script(plan, from, "upgrade " + Runner.shown(from) + " -> " + target);
    }

    /** The SQL script that downgrades a database at {@code from} to {@code target}, without a database. */
    public String downgradeSql(List<String> from, String target, String dialectName) {
        Plan plan = migrations().graph().downgrade(from, target);
        return offline(dialectName).script(plan, from, "downgrade " + Runner.shown(from) + " -> " + target);
    }

    /** The SQL script that stamps a database at {@code from} to {@code targets}, without a database. */
    public String stampSql(List<String> from, List<String> targets, boolean purge, String dialectName) {
        Plan plan = migrations().graph().stamp(from, targets, purge);
        return offline(dialectName).stampScript(plan, from, purge, "stamp " + Runner.shown(from) + " -> "
                + String.join(" ", targets));
    }

    private OfflineSql offline(String dialectName) {
        String name = dialectName;
        if (name == null) {
            if (config.url() == null) {
                throw new RetortException(ErrorCode.BAD_OPTION, "offline SQL needs a dialect: give --dialect postgresql,"
                        + " --dialect sqlite or --dialect mysql (a DataSource tells it only by connecting)");
            }
            name = config.url().kind().name();
        }
        Dialect dialect = Dialects.named(name);
        config.transactionMode().requireSupportedBy(dialect, config.onlineSafe() != null);
        return new OfflineSql(migrations(), dialect, config.renderContext(), versions(dialect),
                new HistoryStore(dialect, config.historyTable()), config.transactionMode(), version());
    }

    /**
     * Applied revisions whose ops changed since they ran, revisions the database has and the code
     * does not, steps a run would stop at because their migration cannot record or render its ops
     * (the downgrade of each applied revision, the upgrade of each pending one), and migrations
     * that failed outside a transaction and have not run since. Loads every migration to record
     * its ops; runs nothing.
     */
    public ValidationReport validate() {
        MigrationSet set = migrations();
        return connections.with(Connections.Access.READ, (connection, dialect) -> Validator.validate(set,
                new StepPreparer(set, dialect, config.renderContext()), versions(dialect).read(connection),
                new HistoryStore(dialect, config.historyTable()).read(connection), true));
    }

    /** Migrations that failed outside a transaction and have not run successfully since: the database is between revisions. */
    public List<HistoryEntry> unfinished() {
        return Validator.unfinished(history());
    }

    /**
     * Plans from the version table as read without the lock; when there is nothing to do (and no
     * strict validation asked for) returns at once, so an application at head takes no lock.
     * Otherwise takes the lock, reads the version table again (another process may have moved
     * it), and plans and runs from that.
     */
    private RunResult run(Direction direction, String target, Connections.Access access) {
        MigrationSet set = migrations();
        return connections.with(access, (connection, dialect) -> {
            VersionStore versions = versions(dialect);
            List<String> rows = versions.read(connection);
            if (!config.strict() && (upgradeAtSoleHead(set, direction, rows, target) || plan(set, direction, rows, target).isEmpty())) {
                return new RunResult(direction, rows, rows, List.of());
            }
            try (MigrationLock lock = lock(connection, dialect)) {
                rows = versions.read(connection);
                Plan plan = plan(set, direction, rows, target);
                var history = new HistoryStore(dialect, config.historyTable());
                List<HistoryEntry> entries = history.read(connection);
                var preparer = new StepPreparer(set, dialect, config.renderContext());
                if (config.strict()) {
                    ValidationReport report = Validator.validate(set, preparer, rows, entries, false);
                    if (!report.clean()) {
                        throw new RetortException(ErrorCode.VALIDATION_FAILED, report.lines().get(0)
                                + (report.lines().size() > 1 ? " (and " + (report.lines().size() - 1) + " more; run validate)"
                                        : "") + "; nothing ran (strict)");
                    }
                    ValidationReport.unfinishedLines(report.unfinished()).forEach(this::warn);
                } else if (!plan.isEmpty()) {
                    Validator.validate(set, preparer, rows, entries, false).lines().forEach(this::warn);
                }
                if (plan.isEmpty()) {
                    return new RunResult(direction, rows, rows, List.of());
                }
                return runner(connection, dialect).run(plan, preparer, config.transactionMode(),
                        Unfinished.of(entries, dialect.rendersOnlineSafe()));
            }
        });
    }

    /** An upgrade to head of a database already there, known without the graph ({@link MigrationSet#soleHead}). */
    private static boolean upgradeAtSoleHead(MigrationSet set, Direction direction, List<String> rows, String target) {
        return direction == Direction.UPGRADE && (target.equals("head") || target.equals("heads")) && set.atSoleHead(rows);
    }

    private static Plan plan(MigrationSet set, Direction direction, List<String> rows, String target) {
        return direction == Direction.UPGRADE ? set.graph().upgrade(rows, target) : set.graph().downgrade(rows, target);
    }

    private void warn(String message) {
        Warnings.LOG.log(System.Logger.Level.WARNING, message);
        config.listener().warning(message);
    }

    private MigrationLock lock(Connection connection, Dialect dialect) throws SQLException {
        return dialect.lock(connection, () -> connections.open(Connections.Access.CREATE), config.versionTable(),
                config.lockTimeout());
    }

    private Runner runner(Connection connection, Dialect dialect) {
        return new Runner(connection, dialect, versions(dialect), new HistoryStore(dialect, config.historyTable()),
                config.listener());
    }

    private VersionStore versions(Dialect dialect) {
        return new VersionStore(dialect, config.versionTable());
    }
}
