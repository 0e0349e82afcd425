package dev.retort.runtime;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.jdbc.DatabaseUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A PostgreSQL database of its own on the configured server, where migrations are replayed or a
 * model is made without touching the user's database; dropped on close. It needs
 * {@code CREATEDB}.
 */
final class ScratchDatabase implements AutoCloseable {

    private final DatabaseUrl url;
    private final Connection admin;
    private final Dialect dialect;
    private final String name;
    private final boolean autoCommit;
    /** The databases made on MySQL, one for each schema opened, the first made by {@link #create}. */
    private final List<String> made = new ArrayList<>();
    private int opened;

    private ScratchDatabase(DatabaseUrl url, Connection admin, Dialect dialect, String name, boolean autoCommit) {
        this.url = url;
        this.admin = admin;
        this.dialect = dialect;
        this.name = name;
        this.autoCommit = autoCommit;
    }

    /**
     * Creates one through {@code admin}, a connection to the configured database.
     *
     * @param purpose what it is for, for the message when it cannot be made ("check replays the migrations")
     */
    static ScratchDatabase create(RetortConfig config, Connection admin, Dialect dialect, String purpose)
            throws SQLException {
        if (config.url() == null) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, purpose + " in a scratch database, which it finds"
                    + " through the URL; configure url(...) rather than a DataSource");
        }
        String name = "retort_scratch_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        boolean autoCommit = admin.getAutoCommit();
        admin.setAutoCommit(true);
        try (Statement s = admin.createStatement()) {
            // MySQL's databases are its schemas: open() makes one for each, and a first one here tells whether it may.
            s.execute("CREATE DATABASE " + name + (dialect.schemaIsDatabase() ? "_0" : ""));
        } catch (SQLException e) {
            admin.setAutoCommit(autoCommit);
            throw new RetortException(ErrorCode.DATABASE_ERROR, purpose + " in a scratch database and could not create"
                    + " one (" + Runner.oneLine(e.getMessage()) + "); the user needs "
                    + (dialect.schemaIsDatabase() ? "the CREATE and DROP privileges" : "CREATEDB"), e);
        }
        var scratch = new ScratchDatabase(config.url(), admin, dialect, name, autoCommit);
        if (dialect.schemaIsDatabase()) {
            scratch.made.add(name + "_0");
        }
        return scratch;
    }

    /**
     * A connection to it whose current schema is {@code schema}, created when missing. On MySQL,
     * where a schema is a database, each call opens a database of its own.
     */
    Connection open(String schema) throws SQLException {
        if (dialect.schemaIsDatabase()) {
            String database = name + "_" + opened++;
            if (!made.contains(database)) {
                try (Statement s = admin.createStatement()) {
                    s.execute("CREATE DATABASE " + database);
                }
                made.add(database);
            }
            Connection connection = url.connect(scratchUrl(url, database, null));
            dialect.configure(connection, java.time.Duration.ZERO); // as the run's own connection is
            return connection;
        }
        Connection connection = url.connect(scratchUrl(url, name, schema));
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(schema));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** The schema to read a connection from {@link #open} at: on MySQL, the database it opened. */
    String schemaFor(String schema) {
        return dialect.schemaIsDatabase() ? null : schema;
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = admin.createStatement()) {
            if (dialect.schemaIsDatabase()) {
                for (String database : made) {
                    s.execute("DROP DATABASE IF EXISTS " + database);
                }
            } else {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } finally {
            admin.setAutoCommit(autoCommit);
        }
    }

    /** The same server, another database, the same schema first on the search path. */
    static String scratchUrl(DatabaseUrl url, String database, String schema) {
        String jdbc = url.jdbcUrl();
        if (url.kind() == DatabaseUrl.Kind.MYSQL) {
            return url.withDatabase(database).jdbcUrl();
        }
        if (!jdbc.startsWith("jdbc:postgresql://")) {
            throw new RetortException(ErrorCode.BAD_URL, "a scratch database needs a URL with a host"
                    + " (jdbc:postgresql://host/db or postgresql://host/db) to be opened beside this one");
        }
        int slash = jdbc.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbc.indexOf('?');
        String params = query < 0 ? "" : jdbc.substring(query + 1).replaceAll("(?i)(^|&)currentSchema=[^&]*", "");
        params = params.startsWith("&") ? params.substring(1) : params;
        return jdbc.substring(0, slash + 1) + database + "?" + (params.isEmpty() ? "" : params + "&") + "currentSchema="
                + URLEncoder.encode(schema, StandardCharsets.UTF_8);
    }
}
