package dev.retort.testkit;

import dev.retort.runtime.jdbc.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of one check's own: a fresh SQLite file, a fresh schema on the given PostgreSQL
 * server, or a fresh database on the given MySQL or MariaDB server.
 */
final class KitDatabase implements AutoCloseable {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::-([^}]*))?}");

    private final DatabaseUrl url;
    private final Path dir;
    private final String schema;
    private final DatabaseUrl base;

    private KitDatabase(DatabaseUrl url, Path dir, String schema, DatabaseUrl base) {
        this.url = url;
        this.dir = dir;
        this.schema = schema;
        this.base = base;
    }

    static KitDatabase open(String configured) throws SQLException {
        String given = expand(configured);
        if (given.isEmpty()) {
            return freshSqlite("");
        }
        DatabaseUrl parsed = DatabaseUrl.parse(given);
        if (parsed.kind() == DatabaseUrl.Kind.SQLITE) {
            // Each check needs an empty database, so the given file is never used (or touched):
            // only the URL's parameters (foreign_keys=on, ...) carry over to a fresh file.
            int query = parsed.jdbcUrl().indexOf('?');
            return freshSqlite(query < 0 ? "" : parsed.jdbcUrl().substring(query));
        }
        String schema = "retort_kit_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        boolean mysql = parsed.kind() == DatabaseUrl.Kind.MYSQL;
        try (Connection c = parsed.connect(); Statement s = c.createStatement()) {
            // MySQL's schemas are its databases.
            s.execute((mysql ? "CREATE DATABASE " : "CREATE SCHEMA ") + schema);
        } catch (SQLException e) {
            if (!cannotConnect(e)) {
                throw e;
            }
            unreachable(parsed, e);
        }
        if (mysql) {
            return new KitDatabase(parsed.withDatabase(schema), null, schema, parsed);
        }
        String jdbc = parsed.jdbcUrl() + (parsed.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new KitDatabase(parsed.withJdbcUrl(jdbc), null, schema, parsed);
    }

    private static KitDatabase freshSqlite(String parameters) {
        try {
            Path dir = Files.createTempDirectory("retort-kit");
            return new KitDatabase(DatabaseUrl.parse("jdbc:sqlite:" + dir.resolve("kit.db") + parameters), dir, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SQLState class 08 is "connection exception", 28 "invalid authorization"; anything else is a real failure. */
    private static boolean cannotConnect(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("28"));
    }

    /**
     * A server that cannot be reached fails the check on CI ({@code CI=true}) and skips it, loudly,
     * elsewhere: a developer without PostgreSQL still runs the SQLite checks.
     */
    private static void unreachable(DatabaseUrl url, SQLException e) {
        String message = "the test kit cannot use " + url + " (" + e.getMessage() + ")";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message + " -- CI=true, so this fails rather than skips", e);
        }
        System.err.println("\n!!!!! SKIPPING: " + message + " !!!!!\n");
        Assumptions.abort(message);
    }

    /** {@code ${NAME}} and {@code ${NAME:-default}} from the environment. */
    static String expand(String text) {
        Matcher m = VARIABLE.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String value = System.getenv(m.group(1));
            if (value == null || value.isEmpty()) {
                value = m.group(2) == null ? "" : m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    DatabaseUrl url() {
        return url;
    }

    Connection connect() throws SQLException {
        return url.connect();
    }

    @Override
    public void close() throws SQLException {
        if (schema != null) {
            try (Connection c = base.connect(); Statement s = c.createStatement()) {
                s.execute(base.kind() == DatabaseUrl.Kind.MYSQL ? "DROP DATABASE IF EXISTS " + schema
                        : "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind harms nothing
            }
        }
    }
}
