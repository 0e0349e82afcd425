package dev.retort.runtime.dialect.mysql;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.arrayOf;
import static dev.retort.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.dsl.Ops;
import dev.retort.op.Op;
import dev.retort.runtime.Retort;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.MigrationLock;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What MySQL does its own way, on the MariaDB server: what it cannot do is refused in one line that
 * names the table or column and the way out; names and literals survive anything; table options
 * reach the table; {@code MODIFY COLUMN} keeps what the op leaves alone; the lock is the server's.
 */
class MysqlDialectTest {

    private static final MysqlDialect MYSQL = new MysqlDialect();

    private static List<Op> ops(Consumer<Ops> migration) {
        var ops = new Ops();
        migration.accept(ops);
        return ops.recorded();
    }

    private static RetortException refused(Consumer<Ops> migration) {
        Op op = ops(migration).get(0);
        return assertThrows(RetortException.class, () -> MYSQL.render(op, RenderContext.defaults()));
    }

    @Test
    void whatMysqlCannotDoIsRefusedNamingTheWayOut() {
        var deferred = refused(op -> op.createTable("membership", t -> t.column("parent_id", BIGINT,
                c -> c.references("parent", "id").deferrable(dev.retort.schema.Constraint.Deferrable.INITIALLY_DEFERRED))));
        assertEquals(ErrorCode.UNSUPPORTED_OP, deferred.code());
        assertEquals("the foreign key fk_membership_parent_id_parent of membership on [parent_id] is deferrable, and MySQL"
                + " checks every foreign key at once; drop deferrable(), or declare the key in only(\"postgresql\", ...) and"
                + " a plain one in only(\"mysql\", ...)", deferred.getMessage());

        var partial = refused(op -> op.createIndex("ix_big", "child", i -> i.columns("amount").where("amount > 15")));
        assertTrue(partial.getMessage().startsWith("createIndex(ix_big) on child has a WHERE clause, and MySQL has no"
                + " partial indexes"), partial.getMessage());

        var array = refused(op -> op.addColumn("child", "tags", arrayOf(TEXT)));
        assertEquals("column tags: MySQL has no arrays (text[]); use JSON, or a table of its own", array.getMessage()
                .replace("TEXT[]", "text[]"));

        var longVarchar = refused(op -> op.addColumn("child", "essay", varchar(20_000)));
        assertEquals(ErrorCode.INVALID_OP, longVarchar.code());
        assertEquals("column essay: varchar(20000) is longer than MySQL's VARCHAR holds in utf8mb4 (16383 characters);"
                + " use TEXT, or a shorter length", longVarchar.getMessage());

        var enumValue = refused(op -> op.addEnumValue("mood", "meh"));
        assertTrue(enumValue.getMessage().startsWith("addEnumValue(mood, 'meh'): MySQL keeps an enum's values in each"
                + " column of it"), enumValue.getMessage());
        for (RetortException e : List.of(deferred, partial, array, longVarchar, enumValue)) {
            assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
        }
    }

    @Test
    void stringsAreLiteralsWhateverTheyHold() {
        assertEquals("'it''s a \\\\ and a \\0'", MYSQL.literal("it's a \\ and a \0"));
        assertEquals("`we``ird \"name\"`", MYSQL.quote("we`ird \"name\""));
    }

    @Test
    void namesValuesOptionsAndModifyRoundTripOnTheServer() throws Exception {
        String odd = "it's a \\ \"quoted\" ` value";
        try (var db = TestDatabase.mariadb()) {
            var index = new InlineIndex()
                    .add("m1", null, op -> op.createTable("Odd `Tab` \"le\"", t -> t
                            .column("id", BIGINT, c -> c.primaryKey().identity())
                            .column("My `Col`", varchar(40), c -> c.notNull().serverDefault(odd).comment(odd))
                            .column("n", INTEGER, c -> c.serverDefault(ServerDefault.value(7)))
                            .mysqlEngine("InnoDB").mysqlCharset("latin1").mysqlCollate("latin1_bin")))
                    .add("m2", "m1", op -> {
                        op.createIndex("ix `odd`", "Odd `Tab` \"le\"", "My `Col`", "n");
                        // Only nullability changes: MODIFY must keep the type, default and comment as they are.
                        op.alterColumn("Odd `Tab` \"le\"", "n", a -> a.notNull().existingNullable(true));
                    });
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
            retort.upgrade("head");
            assertEquals(List.of("InnoDB|latin1_bin"), db.strings("SELECT CONCAT_WS('|', ENGINE, TABLE_COLLATION) FROM"
                    + " information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'Odd `Tab` \"le\"'"));
            db.execute("INSERT INTO `Odd ``Tab`` \"le\"` (id) VALUES (1)");
            assertEquals(List.of(odd + "|7"), db.strings("SELECT CONCAT(`My ``Col```, '|', n) FROM `Odd ``Tab`` \"le\"`"));
            assertEquals(List.of("n|NO|7|", "My `Col`|NO|'it''s a \\\\ \"quoted\" ` value'|" + odd),
                    db.strings("SELECT CONCAT_WS('|', COLUMN_NAME, IS_NULLABLE, COLUMN_DEFAULT, COLUMN_COMMENT)"
                            + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'Odd `Tab` \"le\"'"
                            + " AND COLUMN_NAME <> 'id'"
                            + " ORDER BY COLUMN_NAME DESC"));
            retort.downgrade("base");
            assertEquals(List.of(), db.strings("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA ="
                    + " DATABASE() AND TABLE_NAME NOT LIKE 'retort%'"));
        }
    }

    @Test
    void theLockIsTheServersAndAWaitRunsOutNamingTheHolder() throws Exception {
        try (var db = TestDatabase.mariadb(); Connection holder = DriverManager.getConnection(db.url());
                Connection waiter = DriverManager.getConnection(db.url())) {
            TableName version = TableName.of("retort_version");
            try (MigrationLock held = MYSQL.lock(holder, () -> DriverManager.getConnection(db.url()), version,
                    Duration.ofSeconds(5))) {
                var e = assertThrows(RetortException.class, () -> MYSQL.lock(waiter,
                        () -> DriverManager.getConnection(db.url()), version, Duration.ofSeconds(1)));
                assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
                assertTrue(e.getMessage().startsWith("another process (connection "), e.getMessage());
                assertTrue(e.getMessage().contains(" has held the migration lock of " + db.schema()
                        + ".retort_version for longer than the lock timeout (1 s)"), e.getMessage());
            }
            // Released: taken again at once.
            MYSQL.lock(waiter, () -> DriverManager.getConnection(db.url()), version, Duration.ofSeconds(1)).close();
        }
        assertEquals("retort:".length() + 40, MysqlLock.name("d".repeat(64) + ".retort_version").length(),
                "a digest past 64 characters");
        assertEquals("retort:app.retort_version", MysqlLock.name("app.retort_version"));
    }

    @Test
    void mariadbIsTheMysqlDialect() {
        assertEquals("mysql", Dialects.named("mariadb").name());
        assertEquals("mysql", Dialects.forProduct("MariaDB").name());
        assertEquals("mysql", Dialects.forProduct("MySQL").name());
    }

    /**
     * A column goes with what uses it, as on PostgreSQL: its foreign key, a unique key and an index
     * of several columns, a check; a type change keeps the column's own character set.
     */
    @Test
    void aColumnGoesWithItsKeysIndexesAndChecksAndKeepsItsCharset() throws Exception {
        try (var db = TestDatabase.mariadb()) {
            var index = new InlineIndex()
                    .add("d1", null, op -> {
                        op.createTable("parent", t -> t.column("id", BIGINT, c -> c.primaryKey()));
                        op.createTable("c", t -> t.column("id", BIGINT, c -> c.primaryKey())
                                .column("u", INTEGER).column("v", INTEGER)
                                .column("p", BIGINT, c -> c.references("parent", "id"))
                                .column("name", varchar(50))
                                .unique("u", "v").check("`u` >= 0 AND `v` >= 0"));
                        op.createIndex("ix_c_u_v", "c", "u", "v");
                        op.execute("ALTER TABLE c MODIFY COLUMN name VARCHAR(50) CHARACTER SET latin1 COLLATE latin1_bin");
                    })
                    .add("d2", "d1", op -> {
                        op.dropColumn("c", "u", INTEGER);
                        op.dropColumn("c", "p", BIGINT);
                        op.alterColumn("c", "name", a -> a.type(varchar(80)).existingType(varchar(50)));
                    });
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
            retort.upgrade("head");
            assertEquals(List.of("PRIMARY"), db.strings("SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'c'"));
            assertEquals(List.of("PRIMARY KEY"), db.strings("SELECT CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'c'"));
            assertEquals(List.of("varchar(80)|latin1_bin"), db.strings("SELECT CONCAT_WS('|', COLUMN_TYPE, COLLATION_NAME)"
                    + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'c'"
                    + " AND COLUMN_NAME = 'name'"));
        }
    }

    /**
     * An offline script sets the session as Retort's connections are set (literals mean what they
     * say under NO_BACKSLASH_ESCAPES too), and drops a column's key where the op names it.
     */
    @Test
    void anOfflineScriptSetsTheSessionAndDropsAKnownKey() throws Exception {
        var index = new InlineIndex()
                .add("o1", null, op -> {
                    op.createTable("parent", t -> t.column("id", BIGINT, c -> c.primaryKey()));
                    op.createTable("child", t -> t.column("id", BIGINT, c -> c.primaryKey())
                            .column("parent_id", BIGINT, c -> c.references("parent", "id")));
                    op.bulkInsert("parent", r -> r.columns("id").row(1));
                    op.execute("INSERT INTO child (id, parent_id) VALUES (1, 1)");
                    op.createTable("notes", t -> t.column("body", varchar(20), c -> c.serverDefault("a\\b")));
                })
                .add("o2", "o1", op -> op.dropColumn("child", "parent_id", BIGINT,
                        c -> c.references("parent", "id")));
        String script = Retort.configure().url("mysql://nobody@host.invalid/db").indexes(List.of(index)).build()
                .upgradeSql(List.of(), "head", null);
        assertTrue(script.contains("\nSET SESSION sql_mode = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', @@SESSION.sql_mode,"
                + " ','), ',NO_BACKSLASH_ESCAPES,', ','));\n"), script);
        assertTrue(script.contains("ALTER TABLE `child` DROP FOREIGN KEY `fk_child_parent_id_parent`, DROP COLUMN"
                + " `parent_id`;"), script);
        try (var db = TestDatabase.mariadb(); Connection c = DriverManager.getConnection(db.url());
                var s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')");
            for (String statement : script.split(";\n")) {
                String sql = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (!sql.isEmpty()) {
                    s.execute(sql);
                }
            }
            assertEquals(List.of("o2"), db.versionRows());
            assertEquals(List.of("a\\b"), db.strings("SELECT COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE"
                    + " TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'notes'").stream().map(d -> d.replace("'", ""))
                    .map(d -> d.replace("\\\\", "\\")).toList());
        }
    }

    /** A worked-out MODIFY counts by its op: a changed type before a failure is a changed migration. */
    @Test
    void aChangedModifyBeforeTheFailureIsRefused() throws Exception {
        var length = new java.util.concurrent.atomic.AtomicInteger(80);
        var last = new java.util.concurrent.atomic.AtomicReference<>("INSERT INTO nowhere VALUES (1)");
        var index = new InlineIndex()
                .add("w1", null, op -> op.createTable("t", t -> t.column("c", varchar(20))))
                .add("w2", "w1", op -> {
                    op.alterColumn("t", "c", a -> a.type(varchar(length.get())).existingType(varchar(20)));
                    op.execute(last.get());
                });
        try (var db = TestDatabase.mariadb()) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
            assertThrows(RetortException.class, () -> retort.upgrade("head"));
            length.set(200);
            last.set("CREATE TABLE fixed_t (id INTEGER)");
            assertEquals(ErrorCode.PARTLY_APPLIED, assertThrows(RetortException.class, () -> retort.upgrade("head")).code());
        }
    }
}
