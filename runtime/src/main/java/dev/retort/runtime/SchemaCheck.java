package dev.retort.runtime;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.graph.Plan;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.CatalogDiff;
import dev.retort.runtime.jdbc.DatabaseUrl;
import dev.retort.runtime.jdbc.HistoryStore;
import dev.retort.runtime.jdbc.VersionStore;
import dev.retort.runtime.offline.ShadowSchema;
import dev.retort.runtime.ops.StepPreparer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code check}: the schema the migrations describe at the database's current revision, made by
 * replaying them where they can do no harm (an in-memory SQLite database; on PostgreSQL a scratch
 * database, dropped afterwards), compared with the database's own.
 */
final class SchemaCheck {

    private SchemaCheck() {
    }

    static List<String> differences(RetortConfig config, MigrationSet migrations, Connection connection, Dialect dialect,
            List<String> rows) throws SQLException {
        for (String row : rows) {
            if (!migrations.graph().contains(row)) {
                throw new RetortException(ErrorCode.UNKNOWN_DATABASE_REVISION, "the database is at revision " + row
                        + ", which none of the migrations on the class path declares; check cannot tell what it should hold");
            }
        }
        Catalog actual = dialect.introspect(connection, config.versionTable().schema());
        Catalog expected = dialect.name().equals("sqlite")
                ? replayInMemory(config, migrations, dialect, rows)
                : replayInScratchDatabase(config, migrations, connection, dialect, rows);
        return CatalogDiff.differences(expected, actual, Set.of(config.versionTable().name(), config.historyTable().name()),
                dialect.equivalence());
    }

    private static Catalog replayInMemory(RetortConfig config, MigrationSet migrations, Dialect dialect, List<String> rows)
            throws SQLException {
        try (var shadow = ShadowSchema.at(migrations, dialect, config.renderContext(), rows)) {
            return dialect.introspect(shadow.connection(), null);
        }
    }

    private static Catalog replayInScratchDatabase(RetortConfig config, MigrationSet migrations, Connection connection,
            Dialect dialect, List<String> rows) throws SQLException {
        if (config.url() == null) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, "check on PostgreSQL replays the migrations in a scratch"
                    + " database, which it finds through the URL; configure url(...) rather than a DataSource");
        }
        String schema = config.versionTable().schema() != null ? config.versionTable().schema() : currentSchema(connection);
        String scratch = "retort_check_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE DATABASE " + scratch);
        } catch (SQLException e) {
            throw new RetortException(ErrorCode.DATABASE_ERROR, "check replays the migrations in a scratch database and"
                    + " could not create one (" + Runner.oneLine(e.getMessage()) + "); the user needs CREATEDB", e);
        }
        try {
            try (Connection scratchConnection = config.url().connect(scratchUrl(config.url(), scratch, schema))) {
                try (Statement s = scratchConnection.createStatement()) {
                    s.execute("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(schema));
                }
                if (!rows.isEmpty()) {
                    Plan plan = migrations.graph().upgrade(List.of(), rows);
                    var runner = new Runner(scratchConnection, dialect, new VersionStore(dialect, config.versionTable()),
                            new HistoryStore(dialect, config.historyTable()), StepListener.NONE);
                    runner.run(plan, new StepPreparer(migrations, dialect, config.renderContext()),
                            TransactionMode.PER_MIGRATION);
                }
                return dialect.introspect(scratchConnection, schema);
            }
        } finally {
            try (Statement s = connection.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)");
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The same server, another database, the same schema first on the search path. */
    static String scratchUrl(DatabaseUrl url, String database, String schema) {
        String jdbc = url.jdbcUrl();
        if (!jdbc.startsWith("jdbc:postgresql://")) {
            throw new RetortException(ErrorCode.BAD_URL, "check needs a URL with a host (jdbc:postgresql://host/db or"
                    + " postgresql://host/db) to open its scratch database beside this one");
        }
        int slash = jdbc.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbc.indexOf('?');
        String params = query < 0 ? "" : jdbc.substring(query + 1).replaceAll("(?i)(^|&)currentSchema=[^&]*", "");
        params = params.startsWith("&") ? params.substring(1) : params;
        return jdbc.substring(0, slash + 1) + database + "?" + (params.isEmpty() ? "" : params + "&") + "currentSchema="
                + URLEncoder.encode(schema, StandardCharsets.UTF_8);
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT current_schema()"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }
}
