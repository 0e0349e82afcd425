package dev.retort.runtime;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.autogen.Difference;
import dev.retort.runtime.autogen.SchemaDiff;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.jdbc.DatabaseUrl;
import dev.retort.runtime.jdbc.Drivers;
import dev.retort.runtime.model.Model;
import dev.retort.runtime.model.ModelSource;
import dev.retort.runtime.model.Models;
import dev.retort.runtime.offline.ShadowSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Autogenerate's comparison: the migrations replayed up to some revisions where they can do no
 * harm (an in-memory SQLite database; a scratch PostgreSQL database), against the model made in
 * a scratch database of the same kind (or a database given by URL), both read by the same
 * introspection. The user's database is never written.
 */
public final class ModelDiff {

    /** How long each part took, for the benchmark and {@code -v}. */
    public record Timings(long replayMillis, long modelMillis, long diffMillis) {
    }

    /**
     * The differences, and the catalogs they were found between.
     *
     * @param migrations what the migrations make at the revisions compared
     * @param model what the model wants
     */
    public record Result(List<Difference> differences, Catalog migrations, Catalog model, Timings timings) {
    }

    private static final String MODEL_SCHEMA = "retort_model";

    private ModelDiff() {
    }

    /**
     * @param migrations {@code null} when {@code revisions} is empty (a first revision: there may be none yet)
     * @param admin a connection to the configured PostgreSQL database, where the scratch database is made; {@code null}
     *     on SQLite
     */
    static Result compare(RetortConfig config, MigrationSet migrations, Dialect dialect, Connection admin, Model model,
            Map<String, String> settings, List<String> revisions) throws SQLException {
        for (String revision : revisions) {
            if (!migrations.graph().contains(revision)) {
                throw new RetortException(ErrorCode.UNKNOWN_REVISION, "revision " + revision + " is not among the compiled"
                        + " migrations; compile them first (mvn compile), so autogenerate replays what the sources say");
            }
        }
        long start = System.nanoTime();
        Catalog replayed = null;
        Catalog wanted;
        long replayDone;
        if (revisions.isEmpty()) {
            replayed = new Catalog(List.of(), List.of(), List.of(), List.of());
        }
        if (admin == null) {
            if (!revisions.isEmpty()) {
                try (var shadow = ShadowSchema.at(migrations, dialect, config.renderContext(), revisions)) {
                    replayed = dialect.introspect(shadow.connection(), null);
                }
            }
            replayDone = System.nanoTime();
            wanted = modelCatalog(config, dialect, model, settings, Drivers::sqliteInMemory,
                    null);
        } else {
            String schema = config.versionTable().schema() != null ? config.versionTable().schema()
                    : SchemaCheck.currentSchema(admin, dialect);
            String modelSchema = schema.equals(MODEL_SCHEMA) ? MODEL_SCHEMA + "_2" : MODEL_SCHEMA;
            try (var scratch = ScratchDatabase.create(config, admin, dialect, "autogenerate replays the migrations")) {
                if (!revisions.isEmpty()) {
                    try (Connection replay = scratch.open(schema)) {
                        replayed = SchemaCheck.replayed(config, migrations, replay, dialect, revisions,
                                scratch.schemaFor(schema));
                    }
                }
                replayDone = System.nanoTime();
                wanted = modelCatalog(config, dialect, model, settings, () -> scratch.open(modelSchema),
                        scratch.schemaFor(modelSchema));
            }
        }
        long modelDone = System.nanoTime();
        List<Difference> differences = SchemaDiff.between(replayed, wanted, dialect.name(), config.naming(),
                dialect.equivalence(), Set.of(config.versionTable().name(), config.historyTable().name()));
        long diffDone = System.nanoTime();
        return new Result(differences, replayed, wanted, new Timings((replayDone - start) / 1_000_000,
                (modelDone - replayDone) / 1_000_000, (diffDone - modelDone) / 1_000_000));
    }

    private interface Scratch {
        Connection open() throws SQLException;
    }

    private static Catalog modelCatalog(RetortConfig config, Dialect dialect, Model model, Map<String, String> settings,
            Scratch scratch, String schema) throws SQLException {
        if (model.scheme().equals("url")) {
            DatabaseUrl url = model.database();
            if (!url.kind().name().equalsIgnoreCase(dialect.name())) {
                throw new RetortException(ErrorCode.BAD_CONFIGURATION, model.origin() + ": the model database is "
                        + url.kind().name().toLowerCase(Locale.ROOT) + " and the migrations run on " + dialect.name()
                        + "; compare databases of one kind, since types and defaults differ between them");
            }
            try (Connection connection = url.connect(false)) {
                return dialect.introspect(connection, null);
            } catch (SQLException e) {
                throw new RetortException(ErrorCode.CONNECTION_FAILED, model.origin() + ": cannot read the model database ("
                        + Runner.oneLine(e.getMessage()) + ")", e);
            }
        }
        try (Connection connection = scratch.open()) {
            Models.create(model, new ModelSource.Context(config.classLoader(), connection, dialect.name(), settings), dialect,
                    config.renderContext());
            return dialect.introspect(connection, schema);
        }
    }
}
