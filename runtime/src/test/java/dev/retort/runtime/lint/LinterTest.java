package dev.retort.runtime.lint;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.AllowLint;
import dev.retort.Migration;
import dev.retort.dsl.Ops;
import dev.retort.index.RevisionInfo;
import dev.retort.lint.LintRule;
import dev.retort.lint.LintRule.Severity;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.schema.ServerDefault;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each rule on a bad case and a good one, the findings asserted exactly: the ops of revision
 * {@code r2} run against {@code users(id, email varchar(100), age integer)}, made by {@code r1}.
 */
class LinterTest {

    private static InlineIndex chain(Consumer<Ops> r2) {
        return new InlineIndex()
                .add("r1", null, op -> op.createTable("users", t -> t
                        .column("id", BIGINT, c -> c.primaryKey())
                        .column("email", varchar(100))
                        .column("age", INTEGER)))
                .add(new RevisionInfo("r2", List.of("r1"), "the change", List.of(), List.of(), true, "db.R2"), r2::accept);
    }

    /** The findings of r2 alone, as "rule op" lines. */
    private static List<String> findings(String dialect, Consumer<Ops> r2) {
        return Linter.lint(MigrationSet.of(List.of(chain(r2))), List.of("r1"), dialect, LintSettings.defaults()).stream()
                .map(f -> f.rule().id() + " " + f.op()).toList();
    }

    @Test
    void destructiveChangesToWhatExistedAreErrors() {
        assertEquals(List.of("drop-table dropTable(users)"), findings("sqlite", op -> op.dropTable("users")));
        assertEquals(List.of("drop-column dropColumn(users.email)"), findings("sqlite", op -> op.dropColumn("users", "email")));
        assertEquals(List.of("narrowing-type alterColumn(users.email)", "sqlite-rebuild alterColumn(users.email)"),
                findings("sqlite", op -> op.alterColumn("users", "email", a -> a.type(varchar(50)).existingType(varchar(100)))));
        // Made and unmade in one revision: nothing existed before it.
        assertEquals(List.of(), findings("sqlite", op -> {
            op.createTable("scratch", t -> t.column("id", BIGINT));
            op.addColumn("users", "tmp", TEXT);
            op.dropColumn("users", "tmp");
            op.dropTable("scratch");
        }));
    }

    @Test
    void dataDependentChangesAreNamed() {
        assertEquals(List.of("not-null-without-default addColumn(users.name)"),
                findings("sqlite", op -> op.addColumn("users", "name", TEXT, c -> c.notNull())));
        assertEquals(List.of(), findings("sqlite", op -> op.addColumn("users", "name", TEXT,
                c -> c.notNull().serverDefault("anonymous"))));
        assertEquals(List.of("set-not-null alterColumn(users.age)", "sqlite-rebuild alterColumn(users.age)"),
                findings("sqlite", op -> op.alterColumn("users", "age", a -> a.notNull().existingNullable(true))));
        assertEquals(List.of("unique-on-existing addConstraint(users)", "sqlite-rebuild addConstraint(users)"),
                findings("sqlite", op -> op.addConstraint("users", c -> c.unique("email"))));
        // On a table the revision makes, no row can clash.
        assertEquals(List.of(), findings("sqlite", op -> {
            op.createTable("fresh", t -> t.column("id", BIGINT).column("code", TEXT, c -> c.notNull()));
            op.createUniqueIndex("ux_fresh_code", "fresh", "code");
        }));
    }

    @Test
    void postgresqlLockingIsCheckedOnPostgresqlOnly() {
        Consumer<Ops> index = op -> op.createIndex("ix_users_age", "users", "age");
        assertEquals(List.of("index-not-concurrent createIndex(ix_users_age on users)",
                "no-lock-timeout createIndex(ix_users_age on users)"), findings("postgresql", index));
        assertEquals(List.of(), findings("sqlite", index));
        assertEquals(List.of(), findings("postgresql", op -> {
            op.execute("SET LOCAL lock_timeout = '5s'");
            op.createIndex("ix_users_age", "users", i -> i.columns("age").concurrently());
        }));
        assertEquals(List.of("constraint-validated addColumn(users.team_id)", "no-lock-timeout addColumn(users.team_id)"),
                findings("postgresql", op -> op.addColumn("users", "team_id", BIGINT, c -> c.references("users", "id"))));
        assertEquals(List.of("volatile-default addColumn(users.token)", "no-lock-timeout addColumn(users.token)"),
                findings("postgresql", op -> op.addColumn("users", "token", dev.retort.schema.SqlType.UUID,
                        c -> c.serverDefault(ServerDefault.randomUuid()))));
        assertEquals(List.of("no-lock-timeout addColumn(users.seen)"), findings("postgresql",
                op -> op.addColumn("users", "seen", dev.retort.schema.SqlType.TIMESTAMP, c -> c.serverDefault(ServerDefault.now()))));
        assertEquals(List.of("type-rewrite alterColumn(users.age)", "no-lock-timeout alterColumn(users.age)"),
                findings("postgresql", op -> op.alterColumn("users", "age", a -> a.type(BIGINT).existingType(INTEGER))));
        assertEquals(List.of("no-lock-timeout alterColumn(users.email)"), findings("postgresql",
                op -> op.alterColumn("users", "email", a -> a.type(varchar(200)).existingType(varchar(100)))));
        assertEquals(List.of("drop-index-not-concurrent dropIndex(ix_users_email)",
                "no-lock-timeout dropIndex(ix_users_email)"), findings("postgresql", op -> op.dropIndex("ix_users_email")));
    }

    @Test
    void renamesBreakTheApplicationStillRunning() {
        assertEquals(List.of("rename-table renameTable(users -> people)"), findings("sqlite",
                op -> op.renameTable("users", "people")));
        assertEquals(List.of("rename-column renameColumn(users.email -> mail)"), findings("sqlite",
                op -> op.renameColumn("users", "email", "mail")));
    }

    @Test
    void severitiesAreConfiguredAndOffLeavesARuleOut() {
        var chain = MigrationSet.of(List.of(chain(op -> {
            op.dropColumn("users", "email");
            op.renameColumn("users", "age", "years");
        })));
        var settings = LintSettings.parse(Map.of("lint.drop-column", "warning", "lint.rename-column", "off"), "test");
        List<Finding> found = Linter.lint(chain, List.of("r1"), "sqlite", settings);
        assertEquals(1, found.size());
        assertEquals(Severity.WARNING, found.get(0).severity());
        assertFalse(found.get(0).blocking());
    }

    @AllowLint(rule = "drop-column", reason = "nothing has read email since release 4.2")
    public static final class Exempted implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.dropColumn("users", "email");
            op.dropTable("users");
        }
    }

    @Test
    void anExemptionAllowsItsRuleOnlyAndSaysWhy() {
        var index = new InlineIndex()
                .add("r1", null, op -> op.createTable("users", t -> t.column("id", BIGINT).column("email", TEXT)))
                .add(new RevisionInfo("r2", List.of("r1"), "", List.of(), List.of(), true, "db.Exempted"), new Exempted());
        List<Finding> found = Linter.lint(MigrationSet.of(List.of(index)), List.of("r1"), "sqlite", LintSettings.defaults());
        assertEquals(2, found.size());
        assertEquals("revision r2 (Exempted): dropColumn(users.email): drop-column (error) allowed: nothing has read email"
                + " since release 4.2", found.get(0).line());
        assertFalse(found.get(0).blocking());
        assertEquals("revision r2 (Exempted): dropTable(users): drop-table (error): " + LintRule.DROP_TABLE.why()
                + "; instead: " + LintRule.DROP_TABLE.instead(), found.get(1).line());
        assertTrue(found.get(1).blocking());
    }

    @Test
    void onlyWhatTheDatabaseHasNotRunIsLinted() {
        var chain = MigrationSet.of(List.of(chain(op -> op.dropTable("users"))));
        assertEquals(List.of("r2"), Linter.lint(chain, List.of(), "sqlite", LintSettings.defaults()).stream()
                .map(Finding::revision).toList(), "r1 made users: nothing in it is a danger");
        assertEquals(List.of(), Linter.lint(chain, List.of("r2"), "sqlite", LintSettings.defaults()));
    }

    /** README's rule table is the catalog's, row for row. */
    @Test
    void theReadmeListsEveryRuleAsTheCatalogSaysIt() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        for (LintRule rule : LintRule.values()) {
            String row = "| `" + rule.id() + "` | " + rule.defaultSeverity().label() + " | "
                    + (rule.dialect() == null ? "all" : rule.dialect()) + " | " + rule.what() + " | " + rule.why() + " | "
                    + rule.instead() + " |";
            assertTrue(readme.contains(row), "README.md has no row " + row);
        }
    }

    /** With a database, a SQLite rebuild is told the rows it will copy. */
    @Test
    void aRebuildIsToldItsRowsWhenADatabaseIsGiven(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var chain = chain(op -> op.alterColumn("users", "age", a -> a.type(BIGINT).existingType(INTEGER)));
        try (var db = dev.retort.runtime.testing.TestDatabase.sqlite(dir.resolve("lint.db"))) {
            var retort = dev.retort.runtime.Retort.configure().url(db.url()).indexes(List.of(chain)).build();
            retort.upgrade("r1");
            db.execute("INSERT INTO users (id, email, age) VALUES (1, 'a', 1), (2, 'b', 2)");
            List<Finding> found = retort.lint(false, null, LintSettings.defaults());
            assertEquals(List.of("2 rows"), found.stream().filter(f -> f.rule() == LintRule.SQLITE_REBUILD)
                    .map(Finding::detail).toList());
            assertTrue(found.get(found.size() - 1).line().contains("alterColumn(users.age) [2 rows]: sqlite-rebuild"),
                    found.toString());
        }
    }

    /** A change the online-safe rendering will do on an existing table: an index, a check, a unique key, a NOT NULL. */
    static final Consumer<Ops> BUSY_TABLE_CHANGE = op -> {
        op.createIndex("ix_users_age", "users", "age");
        op.addConstraint("users", c -> c.check("age >= 0"));
        op.addConstraint("users", c -> c.unique("email"));
        op.alterColumn("users", "email", a -> a.notNull().existingNullable(true));
    };

    @dev.retort.OnlineSafe
    static final class SafeChange implements Migration {
        @Override
        public void upgrade(Ops op) {
            BUSY_TABLE_CHANGE.accept(op);
        }
    }

    private static List<String> findings(Migration r2, Linter.Context context) {
        var index = new InlineIndex().add("r1", null, op -> op.createTable("users", t -> t
                        .column("id", BIGINT, c -> c.primaryKey()).column("email", varchar(100)).column("age", INTEGER)))
                .add(new RevisionInfo("r2", List.of("r1"), "the change", List.of(), List.of(), true, "db.R2"), r2);
        var set = MigrationSet.of(List.of(index));
        return Linter.lint(set, Linter.pending(set, List.of("r1")), context).stream()
                .map(f -> f.rule().id() + " " + f.op()).toList();
    }

    /**
     * Rendered online-safe (@OnlineSafe on the migration, or --online-safe for the run), the locking
     * dangers are taken care of and are no finding; what depends on the rows still is, and so is a
     * check the rendering cannot validate by name (the database names it).
     */
    @Test
    void theOnlineSafeRenderingTakesCareOfTheLockingRules() {
        List<String> plain = List.of("index-not-concurrent createIndex(ix_users_age on users)",
                "constraint-validated addConstraint(users)", "unique-on-existing addConstraint(users)",
                "set-not-null alterColumn(users.email)", "no-lock-timeout createIndex(ix_users_age on users)");
        List<String> safe = List.of("unique-on-existing addConstraint(users)", "set-not-null alterColumn(users.email)");
        var postgres = Linter.Context.of("postgresql", LintSettings.defaults());
        assertEquals(plain, findings(BUSY_TABLE_CHANGE::accept, postgres));
        assertEquals(safe, findings(new SafeChange(), postgres));
        var run = new Linter.Context("postgresql", LintSettings.defaults(), true, dev.retort.schema.NamingConvention.alembic(),
                Linter.TableFacts.NONE);
        assertEquals(safe, findings(BUSY_TABLE_CHANGE::accept, run));
        var databaseNames = new Linter.Context("postgresql", LintSettings.defaults(), true,
                dev.retort.schema.NamingConvention.database(), Linter.TableFacts.NONE);
        assertEquals(List.of("constraint-validated addConstraint(users)", "unique-on-existing addConstraint(users)",
                "set-not-null alterColumn(users.email)"),
                findings(BUSY_TABLE_CHANGE::accept, databaseNames));
        // Elsewhere the setting renders nothing differently, and finds the same.
        assertEquals(findings(BUSY_TABLE_CHANGE::accept, Linter.Context.of("sqlite", LintSettings.defaults())),
                findings(new SafeChange(), Linter.Context.of("sqlite", LintSettings.defaults())));
    }

    /** What the reviewers caught: numbered columns rewrite, a primary key is a unique index, and lock_timeouts that do not hold. */
    @Test
    void numberedColumnsKeysAndLockTimeoutsThatDoNotHold() {
        assertEquals(List.of("volatile-default addColumn(users.seq)", "no-lock-timeout addColumn(users.seq)"),
                findings("postgresql", op -> op.addColumn("users", "seq", BIGINT, c -> c.serial())));
        assertEquals(List.of("volatile-default addColumn(users.num)", "no-lock-timeout addColumn(users.num)"),
                findings("postgresql", op -> op.addColumn("users", "num", BIGINT, c -> c.identity())));
        assertEquals(List.of("unique-on-existing addConstraint(users)", "sqlite-rebuild addConstraint(users)"),
                findings("sqlite", op -> op.addConstraint("users", c -> c.primaryKey("email"))));
        Consumer<Ops> drop = op -> op.dropIndex("ix_users_age", "users");
        assertEquals(List.of("drop-index-not-concurrent dropIndex(ix_users_age)"), findings("postgresql", op -> {
            op.execute("SET LOCAL lock_timeout = '5s'");
            drop.accept(op);
        }));
        for (String held : List.of("SET lock_timeout = '0.5s'", "-- wait at most 5 s\nSET lock_timeout = '5s'",
                "SET lock_timeout = 0; SET lock_timeout = '2s'")) {
            assertEquals(List.of("drop-index-not-concurrent dropIndex(ix_users_age)"), findings("postgresql", op -> {
                op.execute(held);
                drop.accept(op);
            }), held);
        }
        for (String notHeld : List.of("RESET lock_timeout", "SET lock_timeout = 0", "SET lock_timeout TO '0'",
                "SET lock_timeout = '5s'; RESET lock_timeout", "SET lock_timeout TO DEFAULT")) {
            assertEquals(List.of("drop-index-not-concurrent dropIndex(ix_users_age)",
                    "no-lock-timeout dropIndex(ix_users_age)"), findings("postgresql", op -> {
                        op.execute(notHeld);
                        drop.accept(op);
                    }), notHeld);
        }
        assertEquals(List.of("drop-index-not-concurrent dropIndex(ix_users_age)", "no-lock-timeout dropIndex(ix_users_age)"),
                findings("postgresql", op -> {
                    drop.accept(op);
                    op.execute("SET lock_timeout = '5s'"); // too late for the statement before it
                }));
        // SET LOCAL lasts for a transaction a revision with transactional = false does not have.
        var index = new InlineIndex().add("r1", null, op -> op.createTable("users", t -> t.column("id", BIGINT)
                        .column("age", INTEGER)))
                .add(new RevisionInfo("r2", List.of("r1"), "no transaction", List.of(), List.of(), false, "db.R2"), op -> {
                    op.execute("SET LOCAL lock_timeout = '5s'");
                    op.dropIndex("ix_users_age", "users");
                });
        assertEquals(List.of("drop-index-not-concurrent", "no-lock-timeout"), Linter.lint(MigrationSet.of(List.of(index)),
                List.of("r1"), "postgresql", LintSettings.defaults()).stream().map(f -> f.rule().id()).toList());
    }

    /** A batch is one SQLite rebuild, however many ops it holds: one finding, on the batch. */
    @Test
    void aBatchIsOneRebuild() {
        assertEquals(List.of("sqlite-rebuild batchAlterTable(users, 2 changes)"), findings("sqlite", op -> op.batchAlterTable("users",
                b -> b.alterColumn("age", a -> a.type(BIGINT).existingType(INTEGER)).addConstraint(c -> c.check("age >= 0")))));
    }
}
