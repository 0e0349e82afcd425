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
}
