package dev.retort.runtime.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A real database of its own for one test: an SQLite file in the test's temporary folder, or a
 * fresh schema on the PostgreSQL server of {@value #PG_URL_VARIABLE} (dropped on close), so tests
 * never see each other's tables.
 *
 * <p>When PostgreSQL cannot be reached the test fails if {@code CI=true}, and is skipped with a
 * loud message otherwise.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind {
        SQLITE("sqlite"), POSTGRESQL("postgresql"), MARIADB("mysql");

        private final String dialect;

        Kind(String dialect) {
            this.dialect = dialect;
        }

        /** The name of Retort's dialect for this database. */
        public String dialect() {
            return dialect;
        }
    }

    public static final String PG_URL_VARIABLE = "RETORT_TEST_PG_URL";
    public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    public static final String MARIADB_URL_VARIABLE = "RETORT_TEST_MARIADB_URL";
    /** The server, with no database: each test makes its own. */
    public static final String DEFAULT_MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root";

    private static volatile String unreachable;
    private static volatile String mariadbUnreachable;

    private final Kind kind;
    private final String url;
    private final String schema;

    private TestDatabase(Kind kind, String url, String schema) {
        this.kind = kind;
        this.url = url;
        this.schema = schema;
    }

    public static TestDatabase create(Kind kind, Path dir) {
        return switch (kind) {
            case SQLITE -> sqlite(dir.resolve("test.db"));
            case POSTGRESQL -> postgres();
            case MARIADB -> mariadb();
        };
    }

    /** A database of its own on the MariaDB server of {@value #MARIADB_URL_VARIABLE}, dropped on close. */
    public static TestDatabase mariadb() {
        String server = mariadbUrl();
        mariadbUnreachable = reachable(server, mariadbUnreachable, "MariaDB", MARIADB_URL_VARIABLE);
        String database = "rt_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12);
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new AssertionError("cannot create database " + database + " on " + server, e);
        }
        int slash = server.indexOf('/', "jdbc:mariadb://".length());
        return new TestDatabase(Kind.MARIADB, server.substring(0, slash + 1) + database + server.substring(slash + 1), database);
    }

    public static String mariadbUrl() {
        String configured = System.getenv(MARIADB_URL_VARIABLE);
        return configured == null || configured.isBlank() ? DEFAULT_MARIADB_URL : configured;
    }

    /** Fails the test when the server is down under CI=true, skips it loudly otherwise. */
    private static String reachable(String url, String known, String server, String variable) {
        String problem = known;
        if (problem == null) {
            synchronized (TestDatabase.class) {
                DriverManager.setLoginTimeout(5);
                try (Connection c = DriverManager.getConnection(url)) {
                    problem = "";
                } catch (SQLException e) {
                    problem = String.valueOf(e.getMessage());
                }
            }
        }
        if (!problem.isEmpty()) {
            String message = server + " at " + url + " is not reachable (" + problem + "); set " + variable
                    + " or start the server";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " -- CI=true, so " + server + " tests fail rather than skip");
            }
            System.err.println("\n!!!!! SKIPPING " + server.toUpperCase(java.util.Locale.ROOT) + " TEST: " + message + " !!!!!\n");
            Assumptions.abort(message);
        }
        return problem;
    }

    public static TestDatabase sqlite(Path file) {
        return new TestDatabase(Kind.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), null);
    }

    public static TestDatabase postgres() {
        String base = pgUrl();
        requirePostgres(base);
        String schema = "rt_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError("cannot create schema " + schema + " on " + base, e);
        }
        return new TestDatabase(Kind.POSTGRESQL, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, schema);
    }

    public static String pgUrl() {
        String configured = System.getenv(PG_URL_VARIABLE);
        return configured == null || configured.isBlank() ? DEFAULT_PG_URL : configured;
    }

    private static void requirePostgres(String base) {
        if (unreachable == null) {
            synchronized (TestDatabase.class) {
                if (unreachable == null) {
                    DriverManager.setLoginTimeout(5);
                    try (Connection c = DriverManager.getConnection(base)) {
                        unreachable = "";
                    } catch (SQLException e) {
                        unreachable = e.getMessage();
                    }
                }
            }
        }
        if (!unreachable.isEmpty()) {
            String message = "PostgreSQL at " + base + " is not reachable (" + unreachable + "); set " + PG_URL_VARIABLE
                    + " or start the server";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " -- CI=true, so PostgreSQL tests fail rather than skip");
            }
            System.err.println("\n!!!!! SKIPPING POSTGRESQL TEST: " + message + " !!!!!\n");
            Assumptions.abort(message);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The PostgreSQL schema or MariaDB database of this test, or {@code null} for SQLite. */
    public String schema() {
        return schema;
    }

    /** The SQLite file, or {@code null} for PostgreSQL. */
    public Path file() {
        return kind == Kind.SQLITE ? Path.of(url.substring("jdbc:sqlite:".length())) : null;
    }

    /** The JDBC URL the code under test connects to. */
    public String url() {
        return url;
    }

    /**
     * A connection for the test's own queries. On MariaDB it reads {@code ||} and double-quoted
     * names as standard SQL does, so one query serves every database; Retort's own connections
     * (from {@link #url}) keep the server's settings.
     */
    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        if (kind == Kind.MARIADB) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',PIPES_AS_CONCAT,ANSI_QUOTES')");
            }
        }
        return connection;
    }

    /** Tables, columns, constraints and indexes, as text, for comparing two states of the schema. */
    public String snapshot() throws SQLException {
        try (Connection c = connect()) {
            return SchemaSnapshot.of(c, kind);
        }
    }

    public List<String> versionRows() throws SQLException {
        return strings("SELECT version_num FROM retort_version ORDER BY version_num");
    }

    public boolean tableExists(String name) throws SQLException {
        try (Connection c = connect(); ResultSet r = kind == Kind.MARIADB ? c.getMetaData().getTables(schema, null, name, null)
                : c.getMetaData().getTables(null, schema, name, null)) {
            return r.next();
        }
    }

    public List<String> strings(String query) throws SQLException {
        var result = new ArrayList<String>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                result.add(r.getString(1));
            }
        }
        return result;
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The statement with foreign keys enforced, which SQLite does only when a connection asks. */
    public void executeWithForeignKeys(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            if (kind == Kind.SQLITE) {
                s.execute("PRAGMA foreign_keys = ON");
            }
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        if (kind == Kind.MARIADB) {
            try (Connection c = DriverManager.getConnection(mariadbUrl()); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + schema);
            }
        } else if (schema != null) {
            try (Connection c = DriverManager.getConnection(pgUrl()); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
