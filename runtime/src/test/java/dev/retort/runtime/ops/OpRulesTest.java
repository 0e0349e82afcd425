package dev.retort.runtime.ops;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.index.RevisionInfo;
import dev.retort.op.BatchAlterTable.Recreate;
import dev.retort.runtime.Retort;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The errors a migration author can cause with ops: each names the revision and the way out, and leaves the database as it was. */
class OpRulesTest {

    private static final String SETUP = "a1";

    private static InlineIndex withTable() {
        return new InlineIndex().add(SETUP, null, op -> op.createTable("users", t -> t
                .column("id", BIGINT, c -> c.primaryKey())
                .column("email", TEXT)));
    }

    @Test
    void concurrentlyInsideATransactionIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        var index = withTable().add("b2", SETUP, op -> op.createIndex("ix_users_email", "users",
                i -> i.columns("email").concurrently()));
        try (var db = TestDatabase.create(Kind.SQLITE, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
            retort.upgrade(SETUP);
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertEquals(ErrorCode.INVALID_OP, e.code());
            assertEquals("revision b2: createIndex(ix_users_email on users) cannot run inside a transaction; declare the"
                    + " revision @Revision(transactional = false) (and keep such ops in a revision of their own)", e.getMessage());
            assertEquals(List.of(SETUP), db.versionRows());
        }
    }

    @Test
    void concurrentlyRunsInANonTransactionalRevisionOnPostgres() throws Exception {
        var index = withTable().add(new RevisionInfo("b2", List.of(SETUP), "index", List.of(), List.of(), false, ""),
                op -> op.createIndex("ix_users_email", "users", i -> i.columns("email").concurrently()));
        try (var db = TestDatabase.postgres()) {
            Retort.configure().url(db.url()).indexes(List.of(index)).build().upgrade("head");
            assertEquals(List.of("ix_users_email"), db.strings("SELECT indexname FROM pg_indexes"
                    + " WHERE schemaname = current_schema() AND indexname = 'ix_users_email'"));
        }
    }

    @Test
    void recreateNeverRefusesARebuildNamingTheChange(@TempDir Path dir) throws Exception {
        var index = withTable().add("b2", SETUP, op -> op.batchAlterTable("users", b -> b.recreate(Recreate.NEVER)
                .addColumn("nick", TEXT)
                .alterColumn("email", a -> a.notNull())));
        try (var db = TestDatabase.create(Kind.SQLITE, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
            retort.upgrade(SETUP);
            String before = db.snapshot();
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertEquals(ErrorCode.UNSUPPORTED_OP, e.code());
            assertEquals("upgrade of revision b2 failed and was rolled back: batchAlterTable(users) with recreate NEVER:"
                    + " alterColumn(users.email) needs a table rebuild on SQLite; use recreate AUTO", e.getMessage());
            assertEquals(before, db.snapshot());
        }
    }

    @Test
    void aRenameBetweenOtherChangesOfABatchIsRefused(@TempDir Path dir) throws Exception {
        var index = withTable().add("b2", SETUP, op -> op.batchAlterTable("users", b -> b
                .addColumn("nick", TEXT)
                .renameColumn("email", "mail")
                .alterColumn("nick", a -> a.notNull())));
        try (var db = TestDatabase.create(Kind.SQLITE, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
            retort.upgrade(SETUP);
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertEquals("revision b2: batchAlterTable(users): put renameColumn(users.email -> mail) at the start or the end"
                    + " of the block, not between other changes: when SQLite rebuilds the table it runs before or after the"
                    + " rebuild", e.getMessage());
        }
    }

    @Test
    void withoutAutomaticRebuildsTheRevisionFailsNamingTheBatchBlock(@TempDir Path dir) throws Exception {
        var index = withTable().add("b2", SETUP, op -> op.alterColumn("users", "email", a -> a.notNull()));
        try (var db = TestDatabase.create(Kind.SQLITE, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).sqliteAutoRebuild(false).build();
            retort.upgrade(SETUP);
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertEquals("revision b2: alterColumn(users.email) needs a table rebuild on SQLite, and automatic rebuilds are"
                    + " off; put it in op.batchAlterTable(\"users\", b -> ...)", e.getMessage());
            assertEquals(List.of(SETUP), db.versionRows());
        }
    }

    @Test
    void aRebuildThatWouldOrphanRowsIsRolledBack(@TempDir Path dir) throws Exception {
        var index = new InlineIndex()
                .add(SETUP, null, op -> {
                    op.createTable("users", t -> t.column("id", BIGINT, c -> c.primaryKey()));
                    op.createTable("posts", t -> t.column("id", BIGINT, c -> c.primaryKey()).column("user_id", BIGINT));
                    op.execute("INSERT INTO users (id) VALUES (1)");
                    op.execute("INSERT INTO posts (id, user_id) VALUES (1, 1), (2, 7)");
                })
                .add("b2", SETUP, op -> op.addConstraint("posts", c -> c.foreignKey("user_id").references("users", "id")));
        try (var db = TestDatabase.create(Kind.SQLITE, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
            retort.upgrade(SETUP);
            String before = db.snapshot();
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
            assertEquals("upgrade of revision b2 failed and was rolled back: rebuilding table posts left rows of posts"
                    + " (rowid 2) referring to no row of users; fix the data or the change",
                    e.getMessage());
            assertEquals(before, db.snapshot());
            assertEquals(List.of("1|1", "2|7"), db.strings("SELECT id || '|' || user_id FROM posts ORDER BY id"));
        }
    }
}
