package dev.retort.testkit;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.dsl.Ops;
import dev.retort.index.RevisionInfo;
import dev.retort.runtime.RetortConfig;
import dev.retort.runtime.testing.InlineIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The kit catches each failure it exists for, naming the revision or the difference; and passes
 * a sound set, with branches and a merge, on SQLite (here), PostgreSQL ({@link KitOnPostgresTest}) and MariaDB
 * ({@link KitOnMariadbTest}).
 */
class KitTest extends MigrationChecks {

    /** users, then two branches (posts; profiles), then their merge, then an index. */
    static InlineIndex sound() {
        return new InlineIndex()
                .add(RevisionInfo.of("k1").withMessage("users"), op -> op.createTable("users", t -> t
                        .column("id", BIGINT, c -> c.primaryKey().identity())
                        .column("name", TEXT, c -> c.notNull())))
                .add(RevisionInfo.of("k2", "k1").withMessage("posts"), op -> op.createTable("posts", t -> t
                        .column("id", BIGINT, c -> c.primaryKey())
                        .column("user_id", BIGINT, c -> c.references("users", "id"))))
                .add(RevisionInfo.of("k3", "k1").withMessage("profiles"), op -> {
                    op.addColumn("users", "bio", TEXT);
                    op.alterColumn("users", "name", a -> a.nullable().existingNullable(false));
                })
                .add(RevisionInfo.of("k4", "k2", "k3").withMessage("merge"), op -> { })
                .add(RevisionInfo.of("k5", "k4").withMessage("index"), op -> op.createIndex("ix_posts_user", "posts", "user_id"));
    }

    @Override
    protected RetortConfig.Builder configure(RetortConfig.Builder builder) {
        return builder.indexes(List.of(sound()));
    }

    // ---- broken sets: not run as tests themselves (nested), driven below ----

    static class TwoHeads extends MigrationChecks {
        @Override
        protected RetortConfig.Builder configure(RetortConfig.Builder builder) {
            return builder.indexes(List.of(new InlineIndex()
                    .add(RevisionInfo.of("h1").withMessage("root"), op -> op.createTable("a", t -> t.column("id", BIGINT)))
                    .add(RevisionInfo.of("h2", "h1").withMessage("left"), op -> op.addColumn("a", "l", TEXT))
                    .add(RevisionInfo.of("h3", "h1").withMessage("right"), op -> op.addColumn("a", "r", TEXT))));
        }
    }

    @RetortChecks(heads = {"h2", "h3"})
    static class TwoDeclaredHeads extends TwoHeads {
    }

    @RetortChecks(skip = Check.SINGLE_HEAD)
    static class TwoHeadsSkipped extends TwoHeads {
    }

    /** Revision d2's downgrade forgets the table its upgrade made. */
    static class LeavesATable extends MigrationChecks {
        @Override
        protected RetortConfig.Builder configure(RetortConfig.Builder builder) {
            return builder.indexes(List.of(new InlineIndex()
                    .add(RevisionInfo.of("d1").withMessage("users"), op -> op.createTable("users", t -> t.column("id", BIGINT)))
                    .add(RevisionInfo.of("d2", "d1").withMessage("audit"), new dev.retort.Migration() {
                        @Override
                        public void upgrade(Ops op) {
                            op.createTable("audit", t -> t.column("id", BIGINT));
                        }

                        @Override
                        public void downgrade(Ops op) {
                            // forgot: op.dropTable("audit", ...)
                        }
                    })));
        }
    }

    /** Revision f2's downgrade runs a statement the database refuses; f1's is never needed below the floor. */
    static class FailingDowngrade extends MigrationChecks {
        @Override
        protected RetortConfig.Builder configure(RetortConfig.Builder builder) {
            return builder.indexes(List.of(new InlineIndex()
                    .add(RevisionInfo.of("f1").withMessage("users"), op -> op.createTable("users", t -> t.column("id", BIGINT)))
                    .add(RevisionInfo.of("f2", "f1").withMessage("backfill"),
                            op -> op.execute("UPDATE users SET id = id", "DELETE FROM no_such_table"))));
        }
    }

    @RetortChecks(downgradeFloor = "f2")
    static class FailingDowngradeBelowTheFloor extends FailingDowngrade {
    }

    /** The application adds a column by hand at start, as an old create_all would. */
    static class HandMadeDrift extends MigrationChecks {
        @Override
        protected RetortConfig.Builder configure(RetortConfig.Builder builder) {
            return builder.indexes(List.of(sound()));
        }

        @Override
        protected void afterUpgrade(Connection connection) throws SQLException {
            try (var s = connection.createStatement()) {
                s.execute("ALTER TABLE users ADD COLUMN nickname TEXT");
            }
        }
    }

    /** The file named here is never made: each check gets a fresh one, with the URL's parameters. */
    @RetortChecks(url = "jdbc:sqlite:target/kit-not-used.db?foreign_keys=on")
    static class SqliteWithParameters extends MigrationChecks {
        boolean foreignKeysOn;

        @Override
        protected RetortConfig.Builder configure(RetortConfig.Builder builder) {
            return builder.indexes(List.of(sound()));
        }

        @Override
        protected void afterUpgrade(Connection connection) throws SQLException {
            try (var s = connection.createStatement(); var r = s.executeQuery("PRAGMA foreign_keys")) {
                foreignKeysOn = r.next() && r.getInt(1) == 1;
            }
        }
    }

    @Test
    void anSqliteUrlGivesEveryCheckAFreshFileWithItsParameters() throws Exception {
        var checks = new SqliteWithParameters();
        checks.singleHead();
        checks.upgradesFromAnEmptyDatabase();
        checks.upgradesAndDowngradesOneRevisionAtATime();
        checks.schemaMatchesTheMigrations();
        checks.downgradeToBaseLeavesNoTrace();
        assertTrue(checks.foreignKeysOn, "foreign_keys=on carried over");
        assertFalse(Files.exists(Path.of("target/kit-not-used.db")), "the named file is left alone");
    }

    /** Nothing listens on port 1. */
    @RetortChecks(url = "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=hunter2&connectTimeout=2")
    static class Unreachable extends MigrationChecks {
        @Override
        protected RetortConfig.Builder configure(RetortConfig.Builder builder) {
            return builder.indexes(List.of(sound()));
        }
    }

    @Test
    void anUnreachableServerFailsOnCiAndIsSkippedElsewhere() {
        Throwable t = assertThrows(Throwable.class, () -> new Unreachable().upgradesFromAnEmptyDatabase());
        assertTrue(t.getMessage().contains("127.0.0.1:1"), t.getMessage());
        assertTrue(!t.getMessage().contains("hunter2"), t.getMessage());
        if ("true".equals(System.getenv("CI"))) {
            assertEquals(AssertionError.class, t.getClass(), t.toString());
        } else {
            assertEquals(TestAbortedException.class, t.getClass(), t.toString());
        }
    }

    /** The application lets PostgreSQL name its constraints; the kit runs (and checks) the same way. */
    @RetortChecks(url = "${RETORT_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}",
            namingConvention = "database")
    static class DatabaseNamesOnPostgres extends MigrationChecks {
        final List<String> constraints = new ArrayList<>();

        @Override
        protected RetortConfig.Builder configure(RetortConfig.Builder builder) {
            return builder.indexes(List.of(sound()));
        }

        @Override
        protected void afterUpgrade(Connection connection) throws SQLException {
            try (var s = connection.createStatement(); var r = s.executeQuery("SELECT conname FROM pg_constraint"
                    + " WHERE conrelid IN ('users'::regclass, 'posts'::regclass) ORDER BY conname")) {
                while (r.next()) {
                    constraints.add(r.getString(1));
                }
            }
        }
    }

    @RetortChecks(namingConvention = "fancy")
    static class UnknownNamingConvention extends MigrationChecks {
        @Override
        protected RetortConfig.Builder configure(RetortConfig.Builder builder) {
            return builder.indexes(List.of(sound()));
        }
    }

    @Test
    void theNamingConventionReachesTheRun() throws Exception {
        var checks = new DatabaseNamesOnPostgres();
        checks.schemaMatchesTheMigrations();
        assertEquals(List.of("posts_pkey", "posts_user_id_fkey", "users_pkey"), checks.constraints);
        checks.upgradesAndDowngradesOneRevisionAtATime();
        var e = assertThrows(AssertionFailedError.class, () -> new UnknownNamingConvention().upgradesFromAnEmptyDatabase());
        assertTrue(e.getMessage().startsWith("@RetortChecks(namingConvention) on UnknownNamingConvention: no naming"
                + " convention is called 'fancy'; use alembic"), e.getMessage());
    }

    @Test
    void twoHeadsAreNamed() {
        var e = assertThrows(AssertionFailedError.class, () -> new TwoHeads().singleHead());
        assertEquals("the migrations have 2 heads (h2 (left), h3 (right)); merge them with 'retort merge -m \"merge heads\""
                + " heads', or list them in @RetortChecks(heads = ...)", e.getMessage());
    }

    @Test
    void declaredHeadsPassAndASkippedCheckIsReportedAsSkipped() throws Exception {
        new TwoDeclaredHeads().singleHead();
        assertThrows(TestAbortedException.class, () -> new TwoHeadsSkipped().singleHead());
    }

    @Test
    void aDowngradeThatLeavesATableIsNamedWithItsRevision() {
        var stairs = assertThrows(AssertionFailedError.class, () -> new LeavesATable().upgradesAndDowngradesOneRevisionAtATime());
        assertEquals("revision d2 (audit): its downgrade does not undo its upgrade: table audit is after its downgrade but"
                + " not before its upgrade", stairs.getMessage());
        var trace = assertThrows(AssertionFailedError.class, () -> new LeavesATable().downgradeToBaseLeavesNoTrace());
        assertEquals("downgrading to base leaves a trace: table audit is after downgrading to base but not before the"
                + " upgrade (audit comes from revision d2 (audit))", trace.getMessage());
    }

    @Test
    void aFailingDowngradeIsNamed() {
        var e = assertThrows(AssertionFailedError.class, () -> new FailingDowngrade().upgradesAndDowngradesOneRevisionAtATime());
        assertTrue(e.getMessage().startsWith("downgrading revision f2 (to f2@-1) failed: downgrade of revision f2 (backfill)"
                + " failed and was rolled back: "), e.getMessage());
        assertTrue(e.getMessage().contains("statement: DELETE FROM no_such_table"), e.getMessage());
    }

    @Test
    void belowTheFloorDowngradesAreNotAsked() throws Exception {
        var below = new FailingDowngradeBelowTheFloor();
        below.upgradesAndDowngradesOneRevisionAtATime();
        below.downgradeToBaseLeavesNoTrace();
    }

    @Test
    void handMadeDriftIsListed() {
        var e = assertThrows(AssertionFailedError.class, () -> new HandMadeDrift().schemaMatchesTheMigrations());
        assertEquals("the database differs from the schema the migrations describe: users.nickname: column is in the"
                + " database but not in the migrations", e.getMessage());
    }

    /** Drops a column an earlier revision made, and builds an index on a busy table. */
    static class Dangerous extends MigrationChecks {
        @Override
        protected RetortConfig.Builder configure(RetortConfig.Builder builder) {
            return builder.indexes(List.of(new InlineIndex()
                    .add(RevisionInfo.of("x1").withMessage("users"), op -> op.createTable("users", t -> t
                            .column("id", BIGINT).column("email", dev.retort.schema.SqlType.TEXT)))
                    .add(RevisionInfo.of("x2", "x1").withMessage("tidy"), op -> {
                        op.dropColumn("users", "email");
                        op.createIndex("ix_users_id", "users", "id");
                    })));
        }
    }

    @RetortChecks(lint = "drop-column=warning", lintDialect = "postgresql")
    static class DangerousRelaxed extends Dangerous {
    }

    @Test
    void lintFailsOnAnErrorAndItsSeveritiesAreTheProjects() {
        var e = assertThrows(AssertionFailedError.class, () -> new Dangerous().lintFindsNoErrors());
        assertTrue(e.getMessage().startsWith("1 lint error(s): revision x2: dropColumn(users.email): drop-column (error):"),
                e.getMessage());
        new DangerousRelaxed().lintFindsNoErrors(); // a warning, and PostgreSQL's index warnings, fail nothing
        new KitTest().lintFindsNoErrors();
    }
}
