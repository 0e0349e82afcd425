package dev.retort.runtime;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.graph.Plan;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.CatalogDiff;
import dev.retort.runtime.jdbc.HistoryStore;
import dev.retort.runtime.jdbc.VersionStore;
import dev.retort.runtime.offline.ShadowSchema;
import dev.retort.runtime.ops.StepPreparer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

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
        String schema = config.versionTable().schema() != null ? config.versionTable().schema()
                : currentSchema(connection, dialect);
        try (var scratch = ScratchDatabase.create(config, connection, dialect, "check replays the migrations");
                Connection replay = scratch.open(schema)) {
            return replayed(config, migrations, replay, dialect, rows, scratch.schemaFor(schema));
        }
    }

    /** The migrations up to {@code rows} run on an empty database, and its catalog. */
    static Catalog replayed(RetortConfig config, MigrationSet migrations, Connection empty, Dialect dialect,
            List<String> rows, String schema) throws SQLException {
        if (!rows.isEmpty()) {
            Plan plan = migrations.graph().upgrade(List.of(), rows);
            var runner = new Runner(empty, dialect, new VersionStore(dialect, config.versionTable()),
                    new HistoryStore(dialect, config.historyTable()), StepListener.NONE);
            runner.run(plan, new StepPreparer(migrations, dialect, config.renderContext()), TransactionMode.PER_MIGRATION,
                    Unfinished.NONE);
        }
        return dialect.introspect(empty, schema);
    }

    /** PostgreSQL's current schema, or MySQL's current database (its schema). */
    static String currentSchema(Connection connection, Dialect dialect) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(dialect.schemaIsDatabase() ? "SELECT DATABASE()"
                : "SELECT current_schema()"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }
}
