package dev.retort.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.RetortException;
import dev.retort.graph.RevisionGraph;
import dev.retort.index.RevisionInfo;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortConfig;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.CatalogDiff;
import dev.retort.runtime.lint.Finding;
import dev.retort.runtime.lint.LintSettings;
import dev.retort.schema.NamingConvention;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The checks every project should run against its own migrations. Extend it in a test class and
 * they run as that class's tests, against the migrations the test's class path holds:
 *
 * <pre>{@code
 * class MigrationsTest extends MigrationChecks {
 * }
 * }</pre>
 *
 * <p>Each check works on a database of its own (a fresh SQLite file by default; see
 * {@link RetortChecks} for another URL, expected heads, a downgrade floor, and checks to switch
 * off). Override {@link #configure} to give the migrations another way, or {@link #afterUpgrade}
 * to do what the application does to its database at start.
 */
public abstract class MigrationChecks {

    private static final RetortChecks DEFAULTS = Defaults.class.getAnnotation(RetortChecks.class);

    @RetortChecks
    private static final class Defaults {
    }

    /** Adds to the configuration every check uses; by default the migrations come from this test's class loader. */
    protected RetortConfig.Builder configure(RetortConfig.Builder builder) {
        return builder;
    }

    /** Runs after the upgrade of {@link #schemaMatchesTheMigrations}, on the same database. */
    protected void afterUpgrade(Connection connection) throws SQLException {
    }

    @Test
    public final void singleHead() throws SQLException {
        skipIfOff(Check.SINGLE_HEAD);
        try (var db = KitDatabase.open(settings().url())) {
            RevisionGraph graph = retort(db).graph();
            List<String> expected = List.of(settings().heads());
            List<String> heads = graph.heads();
            if (expected.isEmpty() && heads.size() != 1) {
                fail("the migrations have " + heads.size() + " heads (" + describe(graph, heads) + "); merge them with"
                        + " 'retort merge -m \"merge heads\" heads', or list them in @RetortChecks(heads = ...)");
            }
            if (!expected.isEmpty() && !Set.copyOf(expected).equals(Set.copyOf(heads))) {
                fail("the migrations' heads are " + heads + ", not " + expected + " as @RetortChecks(heads) says");
            }
        }
    }

    @Test
    public final void upgradesFromAnEmptyDatabase() throws SQLException {
        skipIfOff(Check.UPGRADE);
        try (var db = KitDatabase.open(settings().url())) {
            run("upgrading an empty database to the heads", () -> retort(db).upgrade("heads"));
        }
    }

    /**
     * Every revision applied on its own, in order; then reverted on its own, last first, each
     * downgrade checked to leave the schema exactly as it was before that revision; then the
     * heads again. A merge revision is reverted by downgrading to its first parent, which (as in
     * Alembic) leaves both parents applied, as heads.
     */
    @Test
    public final void upgradesAndDowngradesOneRevisionAtATime() throws SQLException {
        skipIfOff(Check.UP_DOWN);
        try (var db = KitDatabase.open(settings().url())) {
            Retort retort = retort(db);
            RevisionGraph graph = retort.graph();
            Set<String> floor = floor(graph);
            List<String> order = graph.topologicalOrder();
            var before = new ArrayList<Catalog>();
            for (String revision : order) {
                before.add(catalog(db, retort));
                run("upgrading to revision " + revision, () -> retort.upgrade(revision));
            }
            for (int k = order.size() - 1; k >= 0; k--) {
                String revision = order.get(k);
                if (floor.contains(revision)) {
                    continue;
                }
                String target = downgradeTarget(graph, revision);
                run("downgrading revision " + revision + " (to " + target + ")", () -> retort.downgrade(target));
                List<String> left = CatalogDiff.differences(before.get(k), catalog(db, retort), ignored(retort),
                        "before its upgrade", "after its downgrade");
                if (!left.isEmpty()) {
                    fail("revision " + revision + describe(graph.get(revision)) + ": its downgrade does not undo its upgrade: "
                            + String.join("; ", left));
                }
            }
            run("upgrading to the heads again after downgrading", () -> retort.upgrade("heads"));
        }
    }

    /** Every revision's ops against the lint rules; runs nothing and opens no database. */
    @Test
    public final void lintFindsNoErrors() {
        skipIfOff(Check.LINT);
        var severities = new java.util.TreeMap<String, String>();
        for (String entry : settings().lint()) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                fail("@RetortChecks(lint) entry '" + entry + "' is no rule=severity, as \"drop-column=warning\"");
            }
            severities.put("lint." + entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
        }
        LintSettings lint;
        try {
            lint = LintSettings.parse(severities, "@RetortChecks(lint)");
        } catch (RetortException e) {
            lint = fail(e.getMessage());
        }
        // The URL names the dialect; no database is opened (a fresh SQLite one by default, which lint does not need).
        Retort retort = configure(Retort.configure().url(settings().url().isEmpty() ? "sqlite://"
                : KitDatabase.expand(settings().url())).classLoader(getClass().getClassLoader())
                .namingConvention(namingConvention())).build();
        String dialect = settings().lintDialect().isEmpty() ? null : settings().lintDialect();
        List<Finding> errors = retort.lint(true, dialect, lint).stream().filter(Finding::blocking).toList();
        if (!errors.isEmpty()) {
            fail(errors.size() + " lint error(s): " + String.join("; ", errors.stream().map(Finding::line).toList())
                    + " (exempt a migration with @AllowLint(rule, reason), or set the rule in @RetortChecks(lint))");
        }
    }

    @Test
    public final void schemaMatchesTheMigrations() throws SQLException {
        skipIfOff(Check.SCHEMA_MATCHES);
        try (var db = KitDatabase.open(settings().url())) {
            Retort retort = retort(db);
            run("upgrading an empty database to the heads", () -> retort.upgrade("heads"));
            try (Connection c = db.connect()) {
                afterUpgrade(c);
            }
            List<String> differences = retort.check();
            if (!differences.isEmpty()) {
                fail("the database differs from the schema the migrations describe: " + String.join("; ", differences));
            }
        }
    }

    @Test
    public final void downgradeToBaseLeavesNoTrace() throws SQLException {
        skipIfOff(Check.DOWNGRADE_LEAVES_NO_TRACE);
        try (var db = KitDatabase.open(settings().url())) {
            Retort retort = retort(db);
            String floorRevision = settings().downgradeFloor();
            if (!floorRevision.isEmpty()) {
                run("upgrading to the downgrade floor " + floorRevision, () -> retort.upgrade(floorRevision));
            }
            Catalog empty = catalog(db, retort);
            run("upgrading to the heads", () -> retort.upgrade("heads"));
            String target = floorRevision.isEmpty() ? "base" : floorRevision;
            run("downgrading to " + target, () -> retort.downgrade(target));
            List<String> left = CatalogDiff.differences(empty, catalog(db, retort), ignored(retort),
                    "before the upgrade", "after downgrading to " + target);
            if (!left.isEmpty()) {
                fail("downgrading to " + target + " leaves a trace: " + String.join("; ", left)
                        + whoMadeIt(retort.graph(), left));
            }
        }
    }

    // ---- helpers ----

    /** Which revision's upgrade made the tables a downgrade left behind: upgraded one at a time on a database of its own. */
    private String whoMadeIt(RevisionGraph graph, List<String> left) throws SQLException {
        var names = new ArrayList<String>();
        for (String line : left) {
            for (String kind : List.of("table ", "view ", "sequence ", "enum type ")) {
                if (line.startsWith(kind)) {
                    names.add(line.substring(kind.length()).split(" ", 2)[0]);
                }
            }
        }
        if (names.isEmpty()) {
            return "";
        }
        var found = new ArrayList<String>();
        try (var db = KitDatabase.open(settings().url())) {
            Retort retort = retort(db);
            for (String revision : graph.topologicalOrder()) {
                retort.upgrade(revision);
                Catalog now = catalog(db, retort);
                for (String name : List.copyOf(names)) {
                    if (now.table(name).isPresent() || now.view(name).isPresent() || now.enumType(name).isPresent()
                            || now.sequences().contains(name)) {
                        found.add(name + " comes from revision " + revision + describe(graph.get(revision)));
                        names.remove(name);
                    }
                }
            }
        }
        return found.isEmpty() ? "" : " (" + String.join("; ", found) + ")";
    }

    /** The target that reverts just this revision when nothing applied depends on it. */
    private static String downgradeTarget(RevisionGraph graph, String revision) {
        List<String> parents = graph.parents(revision);
        if (parents.isEmpty()) {
            return revision + "@base";
        }
        return parents.size() == 1 ? revision + "@-1" : parents.get(0);
    }

    private Set<String> floor(RevisionGraph graph) {
        String floor = settings().downgradeFloor();
        return floor.isEmpty() ? Set.of() : graph.ancestors(graph.resolve(floor, List.of()));
    }

    private Retort retort(KitDatabase db) {
        var builder = Retort.configure().database(db.url())
                .classLoader(getClass().getClassLoader())
                .namingConvention(namingConvention());
        return configure(builder).build();
    }

    private NamingConvention namingConvention() {
        try {
            return NamingConvention.named(settings().namingConvention());
        } catch (IllegalArgumentException e) {
            return fail("@RetortChecks(namingConvention) on " + getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Catalog catalog(KitDatabase db, Retort retort) throws SQLException {
        Dialect dialect = Dialects.named(retort.dialectName());
        try (Connection c = db.connect()) {
            return dialect.introspect(c, null);
        }
    }

    private static Set<String> ignored(Retort retort) {
        return Set.of(retort.config().versionTable().name(), retort.config().historyTable().name());
    }

    private void skipIfOff(Check check) {
        Assumptions.assumeFalse(Arrays.asList(settings().skip()).contains(check),
                check + " is switched off by @RetortChecks(skip) on " + getClass().getSimpleName());
    }

    private RetortChecks settings() {
        RetortChecks own = getClass().getAnnotation(RetortChecks.class);
        return own != null ? own : DEFAULTS;
    }

    private static String describe(RevisionGraph graph, List<String> ids) {
        return String.join(", ", ids.stream().map(id -> id + describe(graph.get(id))).toList());
    }

    private static String describe(RevisionInfo revision) {
        return revision.message().isEmpty() ? "" : " (" + revision.message() + ")";
    }

    @FunctionalInterface
    private interface Step {
        void run();
    }

    private static void run(String what, Step step) {
        try {
            step.run();
        } catch (RetortException e) {
            fail(what + " failed: " + e.getMessage(), e);
        }
    }
}
