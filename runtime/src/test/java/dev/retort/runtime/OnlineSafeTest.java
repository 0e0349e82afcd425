package dev.retort.runtime;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.Migration;
import dev.retort.OnlineSafe;
import dev.retort.dsl.Ops;
import dev.retort.index.RevisionInfo;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Online-safe rendering on PostgreSQL: the same ops, the statements that keep a table serving,
 * applied while a writer keeps inserting and updating; a lock held by another session makes a
 * statement give up within its lock_timeout and try again.
 */
class OnlineSafeTest {

    /** The change of issue 20: an index, a foreign key, a check, a unique constraint and a NOT NULL on a busy table. */
    static final Migration CHANGE = op -> {
        op.createIndex("ix_items_qty", "items", "qty");
        op.addConstraint("items", c -> c.foreignKey("parent_id").references("parents", "id"));
        op.addConstraint("items", c -> c.check("qty >= 0"));
        op.addConstraint("items", c -> c.unique("code"));
        op.alterColumn("items", "code", a -> a.notNull().existingNullable(true));
    };

    static InlineIndex chain(Migration change) {
        return new InlineIndex()
                .add("s1", null, op -> {
                    op.createTable("parents", t -> t.column("id", BIGINT, c -> c.primaryKey()));
                    op.createTable("items", t -> t.column("id", BIGINT, c -> c.primaryKey())
                            .column("parent_id", BIGINT).column("code", TEXT).column("qty", INTEGER));
                    op.execute("INSERT INTO parents SELECT g FROM generate_series(1, 10) g");
                    op.execute("INSERT INTO items SELECT g, 1 + g % 10, 'c' || g, g % 7 FROM generate_series(1, 5000) g");
                })
                .add(new RevisionInfo("s2", List.of("s1"), "constraints", List.of(), List.of(), true, ""), change);
    }

    @Test
    void theScriptSaysItTheSafeWay() {
        String script = Retort.configure().url("postgresql://nobody@host.invalid/db").indexes(List.of(chain(CHANGE)))
                .onlineSafe(Duration.ofSeconds(2)).build().upgradeSql(List.of("s1"), "head", null);
        String s2 = script.substring(script.indexOf("-- upgrade s2"));
        org.junit.jupiter.api.Assertions.assertFalse(s2.substring(0, s2.indexOf("RESET lock_timeout")).contains("BEGIN;"),
                "CONCURRENTLY cannot run in a transaction block: " + s2);
        assertEquals(List.of(
                "SET lock_timeout = '2000ms';",
                "CREATE INDEX CONCURRENTLY \"ix_items_qty\" ON \"items\" (\"qty\");",
                "ALTER TABLE \"items\" ADD CONSTRAINT \"fk_items_parent_id_parents\" FOREIGN KEY (\"parent_id\")"
                        + " REFERENCES \"parents\" (\"id\") NOT VALID;",
                "ALTER TABLE \"items\" VALIDATE CONSTRAINT \"fk_items_parent_id_parents\";",
                "ALTER TABLE \"items\" ADD CONSTRAINT \"ck_items_6d2c8e1a\" CHECK ((qty >= 0)) NOT VALID;",
                "ALTER TABLE \"items\" VALIDATE CONSTRAINT \"ck_items_6d2c8e1a\";",
                "CREATE UNIQUE INDEX CONCURRENTLY \"uq_items_code\" ON \"items\" (\"code\");",
                "ALTER TABLE \"items\" ADD CONSTRAINT \"uq_items_code\" UNIQUE USING INDEX \"uq_items_code\";",
                "ALTER TABLE \"items\" ADD CONSTRAINT \"retort_nn_items_code\" CHECK (\"code\" IS NOT NULL) NOT VALID;",
                "ALTER TABLE \"items\" VALIDATE CONSTRAINT \"retort_nn_items_code\";",
                "ALTER TABLE \"items\" ALTER COLUMN \"code\" SET NOT NULL;",
                "ALTER TABLE \"items\" DROP CONSTRAINT \"retort_nn_items_code\";",
                "RESET lock_timeout;"),
                s2.lines().filter(l -> !l.startsWith("--") && !l.startsWith("INSERT INTO \"retort_history\"")
                        && !l.startsWith("UPDATE") && !l.equals("BEGIN;") && !l.equals("COMMIT;")).toList()
                        .stream().map(l -> l.replaceAll("ck_items_[0-9a-f]{8}", "ck_items_6d2c8e1a")).toList());
    }

    @Test
    void aBusyTableChangesWhileItsWriterGoesOn() throws Exception {
        try (var db = TestDatabase.postgres()) {
            Retort.configure().url(db.url()).indexes(List.of(chain(CHANGE))).build().upgrade("s1");
            var stop = new AtomicBoolean();
            var writes = new AtomicInteger();
            var failure = new AtomicReference<Throwable>();
            Thread writer = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
                    for (long id = 100_000; !stop.get(); id++) {
                        s.execute("INSERT INTO items VALUES (" + id + ", 1, 'w" + id + "', 1)");
                        s.execute("UPDATE items SET qty = qty + 1 WHERE id = " + (1 + id % 5000));
                        writes.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            writer.start();
            try {
                Retort.configure().url(db.url()).indexes(List.of(chain(CHANGE))).onlineSafe(Duration.ofSeconds(2)).build()
                        .upgrade("head");
            } finally {
                stop.set(true);
                writer.join();
            }
            assertEquals(null, failure.get(), "every write went through");
            assertTrue(writes.get() > 0);
            assertEquals(List.of("s2"), db.versionRows());
            assertEquals(List.of("ck_items_qty|c|true", "fk_items_parent_id_parents|f|true", "pk_items|p|true",
                    "uq_items_code|u|true"),
                    db.strings("SELECT regexp_replace(conname, 'ck_items_[0-9a-f]{8}', 'ck_items_qty') || '|' || contype::text"
                            + " || '|' || convalidated FROM pg_constraint WHERE conrelid = 'items'::regclass ORDER BY 1"),
                    "validated, and the NOT NULL's check gone");
            assertEquals(List.of("NO"), db.strings("SELECT is_nullable FROM information_schema.columns WHERE table_schema ="
                    + " current_schema() AND table_name = 'items' AND column_name = 'code'"));
            assertEquals(List.of("true"), db.strings("SELECT bool_and(indisvalid)::text FROM pg_index"
                    + " WHERE indrelid = 'items'::regclass"));
        }
    }

    /** Runs {@code work} while another session's transaction holds what {@code sql} locks, for {@code millis}. */
    private static void holding(TestDatabase db, String sql, long millis, Runnable work) throws Exception {
        try (Connection holder = DriverManager.getConnection(db.url()); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute(sql);
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(millis);
                    holder.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            try {
                work.run();
            } finally {
                release.join();
            }
        }
    }

    @OnlineSafe(lockTimeoutSeconds = 1)
    public static final class AddIndexSafely implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.createIndex("ix_items_qty", "items", "qty");
        }
    }

    /** A session holds the table; the statement gives up after its lock_timeout, and its retry gets the lock. */
    @Test
    void aStatementThatCannotHaveItsLockTriesAgainAndAMigrationCanAskForIt() throws Exception {
        try (var db = TestDatabase.postgres()) {
            InlineIndex index = chain(new AddIndexSafely());
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
            retort.upgrade("s1");
            holding(db, "LOCK TABLE items IN SHARE ROW EXCLUSIVE MODE", 1500, () -> retort.upgrade("head"));
            assertEquals(List.of("s2"), db.versionRows());
            assertEquals(List.of("ix_items_qty"), db.strings("SELECT indexname FROM pg_indexes WHERE tablename = 'items'"
                    + " AND indexname = 'ix_items_qty' AND schemaname = current_schema()"));
        }
    }

    /**
     * A step rendered online-safe runs statement by statement and says how far it got: a check the
     * rows break fails at its VALIDATE, with the statements before it committed; once the rows are
     * fixed, the next run goes on from there, its lock_timeout set again.
     */
    @Test
    void aValidationThatFailsIsReportedAtItsStatementAndTheNextRunGoesOn() throws Exception {
        try (var db = TestDatabase.postgres()) {
            InlineIndex index = chain(CHANGE);
            Retort.configure().url(db.url()).indexes(List.of(index)).build().upgrade("s1");
            db.execute("INSERT INTO items VALUES (9999999, 1, 'negative', -1)");
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).onlineSafe(Duration.ofSeconds(2))
                    .build();
            var failed = org.junit.jupiter.api.Assertions.assertThrows(dev.retort.RetortException.class,
                    () -> retort.upgrade("head"));
            assertTrue(failed.getMessage().contains("at statement 6 of 13, outside a transaction, so statements 1-5 stay"
                    + " applied"), failed.getMessage());
            assertTrue(failed.getMessage().contains("VALIDATE CONSTRAINT"), failed.getMessage());
            assertEquals(List.of("s1"), db.versionRows());
            var open = retort.unfinished();
            assertEquals(1, open.size());
            assertEquals(5, open.get(0).progress().done());
            assertEquals(List.of("false"), db.strings("SELECT convalidated::text FROM pg_constraint"
                    + " WHERE conrelid = 'items'::regclass AND contype = 'c'"), "added NOT VALID, not validated");

            db.execute("DELETE FROM items WHERE qty < 0");
            var plain = org.junit.jupiter.api.Assertions.assertThrows(dev.retort.RetortException.class,
                    () -> Retort.configure().url(db.url()).indexes(List.of(index)).build().upgrade("head"));
            assertTrue(plain.getMessage().contains("give --online-safe again"), plain.getMessage());
            // A longer lock_timeout is what a user tries after a timeout: the run goes on all the same.
            Retort longer = Retort.configure().url(db.url()).indexes(List.of(index)).onlineSafe(Duration.ofSeconds(3))
                    .build();
            longer.upgrade("head");
            assertEquals(List.of("s2"), db.versionRows());
            assertEquals(List.of(), retort.unfinished());
            assertEquals(List.of("true"), db.strings("SELECT bool_and(convalidated)::text FROM pg_constraint"
                    + " WHERE conrelid = 'items'::regclass"));
            assertTrue(retort.history().stream().anyMatch(e -> e.revision().equals("s2") && e.success()),
                    retort.history().toString());
        }
    }

    @OnlineSafe(lockTimeoutSeconds = 1)
    public static final class IndexIfMissingAndBackfill implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.createIndex("ix_items_qty", "items", i -> i.columns("qty").ifNotExists());
            op.execute("UPDATE items SET qty = 0 WHERE id = 1");
        }
    }

    /**
     * A transaction open on the table makes CREATE INDEX CONCURRENTLY time out after its first
     * phase, leaving an invalid index: the retry drops it and builds it again, rather than taking
     * it for done (IF NOT EXISTS). A row lock makes the data statement time out: it is retried too.
     */
    @Test
    void aRetryLeavesNoInvalidIndexAndDataStatementsAreRetriedToo() throws Exception {
        try (var db = TestDatabase.postgres()) {
            InlineIndex index = chain(new IndexIfMissingAndBackfill());
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
            retort.upgrade("s1");
            // An open writer, and row 1 locked.
            holding(db, "UPDATE items SET qty = qty + 1 WHERE id = 1", 2500, () -> retort.upgrade("head"));
            assertEquals(List.of("s2"), db.versionRows());
            assertEquals(List.of("true"), db.strings("SELECT bool_and(indisvalid)::text FROM pg_index"
                    + " WHERE indrelid = 'items'::regclass"));
            assertEquals(List.of("0"), db.strings("SELECT qty::text FROM items WHERE id = 1"));
        }
    }

    /** An invalid index an earlier, failed build left is dropped before the build, never taken for done. */
    @Test
    void anInvalidIndexLeftBehindIsBuiltAgain() throws Exception {
        try (var db = TestDatabase.postgres()) {
            InlineIndex index = chain(new IndexIfMissingAndBackfill());
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
            retort.upgrade("s1");
            // qty repeats, so a unique build fails, and PostgreSQL keeps its index, invalid.
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> db.execute("CREATE UNIQUE INDEX CONCURRENTLY ix_items_qty ON items (qty)"));
            assertEquals(List.of("false"), db.strings("SELECT indisvalid::text FROM pg_index i JOIN pg_class c"
                    + " ON c.oid = i.indexrelid WHERE c.relname = 'ix_items_qty' AND c.relnamespace = current_schema()::regnamespace"));
            retort.upgrade("head");
            assertEquals(List.of("true|false"), db.strings("SELECT indisvalid::text || '|' || indisunique::text FROM pg_index i"
                    + " JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'ix_items_qty'"
                    + " AND c.relnamespace = current_schema()::regnamespace"));
        }
    }

    @Test
    void oneTransactionForTheRunIsRefusedWithOnlineSafe() throws Exception {
        try (var db = TestDatabase.postgres()) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(chain(CHANGE)))
                    .transactionMode(TransactionMode.ALL).onlineSafe(Duration.ofSeconds(2)).build();
            var refused = org.junit.jupiter.api.Assertions.assertThrows(dev.retort.RetortException.class,
                    () -> retort.upgrade("head"));
            assertEquals(dev.retort.ErrorCode.BAD_OPTION, refused.code());
            assertTrue(refused.getMessage().startsWith("--transaction-mode all is refused with --online-safe on"
                    + " postgresql: "), refused.getMessage());
            org.junit.jupiter.api.Assertions.assertFalse(db.tableExists("items"), "nothing ran");
        }
    }

    /**
     * PostgreSQL builds no index of a partitioned table CONCURRENTLY and adds it no foreign key NOT
     * VALID: on such a table the run uses the plain statements, and the rest stays safe.
     */
    @Test
    void aPartitionedTableGetsThePlainStatements() throws Exception {
        var index = new InlineIndex()
                .add("p1", null, op -> {
                    op.createTable("kinds", t -> t.column("id", BIGINT, c -> c.primaryKey()));
                    op.execute("CREATE TABLE events (id BIGINT NOT NULL, kind_id BIGINT, note TEXT) PARTITION BY RANGE (id)");
                    op.execute("CREATE TABLE events_1 PARTITION OF events FOR VALUES FROM (0) TO (1000)");
                    op.execute("CREATE INDEX ix_events_old ON events (id)");
                })
                .add(RevisionInfo.of("p2", "p1"), op -> {
                    op.createIndex("ix_events_note", "events", "note");
                    op.addConstraint("events", c -> c.foreignKey("kind_id").references("kinds", "id"));
                    op.createIndex("ix_kinds_id", "kinds", "id");
                    op.dropIndex("ix_events_old"); // no table: the index says it is partitioned
                    // Made by raw SQL in this very step, so the database cannot be asked about it beforehand.
                    op.execute("CREATE TABLE \"Ev2\" (id BIGINT NOT NULL) PARTITION BY RANGE (id)");
                    op.createIndex("ix_ev2_id", "Ev2", "id");
                });
        try (var db = TestDatabase.postgres()) {
            Retort.configure().url(db.url()).indexes(List.of(index)).onlineSafe(Duration.ofSeconds(2)).build()
                    .upgrade("head");
            assertEquals(List.of("p2"), db.versionRows());
            assertEquals(List.of("ix_ev2_id", "ix_events_note", "ix_kinds_id"), db.strings("SELECT indexname FROM pg_indexes"
                    + " WHERE schemaname = current_schema() AND indexname LIKE 'ix_%' ORDER BY 1"));
            assertEquals(List.of("fk_events_kind_id_kinds|true"), db.strings("SELECT conname || '|' || convalidated"
                    + " FROM pg_constraint WHERE conrelid = 'events'::regclass AND contype = 'f'"));
        }
    }
}
