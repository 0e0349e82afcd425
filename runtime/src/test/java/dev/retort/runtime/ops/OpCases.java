package dev.retort.runtime.ops;

import static dev.retort.schema.Constraint.Deferrable.INITIALLY_DEFERRED;
import static dev.retort.schema.Constraint.Deferrable.INITIALLY_IMMEDIATE;
import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ReferentialAction.RESTRICT;
import static dev.retort.schema.ReferentialAction.SET_NULL;
import static dev.retort.schema.ServerDefault.now;
import static dev.retort.schema.ServerDefault.randomUuid;
import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.BLOB;
import static dev.retort.schema.SqlType.BOOLEAN;
import static dev.retort.schema.SqlType.DATE;
import static dev.retort.schema.SqlType.DOUBLE;
import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.JSON;
import static dev.retort.schema.SqlType.REAL;
import static dev.retort.schema.SqlType.SMALLINT;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.TIMESTAMP;
import static dev.retort.schema.SqlType.TIMESTAMP_TZ;
import static dev.retort.schema.SqlType.UUID;
import static dev.retort.schema.SqlType.enumOf;
import static dev.retort.schema.SqlType.numeric;
import static dev.retort.schema.SqlType.varchar;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.upper;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.dsl.DropOption;
import dev.retort.dsl.Ops;
import dev.retort.op.BatchAlterTable.Recreate;
import dev.retort.op.SqlText;
import dev.retort.runtime.jooq.JooqSql;
import dev.retort.runtime.testing.TestDatabase.Kind;
import dev.retort.schema.ServerDefault;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The op corpus: every op and option, in the shapes real migrations use them. */
final class OpCases {

    private OpCases() {
    }

    /** Two tables with rows, a foreign key between them and an index: what most changes start from. */
    static final Consumer<Ops> BASE = op -> {
        op.createTable("parent", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("name", varchar(100), c -> c.notNull()));
        op.createTable("child", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("parent_id", BIGINT, c -> c.notNull().references("parent", "id").onDelete(CASCADE))
                .column("note", TEXT)
                .column("amount", INTEGER, c -> c.serverDefault(0))
                .column("code", varchar(20)));
        op.createIndex("ix_child_code", "child", "code");
        op.bulkInsert("parent", r -> r.columns("id", "name").row(1, "Ada").row(2, "Grace"));
        op.bulkInsert("child", r -> r.columns("id", "parent_id", "note", "amount", "code")
                .row(1, 1, "first", 10, "x1").row(2, 2, "second", 20, "x2").row(3, 2, null, 30, "x3"));
    };

    static final Consumer<Ops> MOOD = BASE.andThen(op -> op.createEnum("mood", "happy", "sad"));

    private static final String HOSTILE_TABLE = "Order \"Items\" ü";

    static List<OpCase> all() {
        var cases = new ArrayList<OpCase>();
        // ---- tables ----
        cases.add(OpCase.of("createTable with every type, default, key, unique, check and comment", BASE, op -> op.createTable(
                "every_type", t -> t
                        .column("id", BIGINT, c -> c.primaryKey().identity())
                        .column("small", SMALLINT, c -> c.notNull().serverDefault(7))
                        .column("whole", INTEGER)
                        .column("name", varchar(255), c -> c.notNull().serverDefault("it's").comment("display name"))
                        .column("body", TEXT)
                        .column("active", BOOLEAN, c -> c.notNull().serverDefault(true))
                        .column("born", DATE)
                        .column("seen", TIMESTAMP)
                        .column("created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now()))
                        .column("price", numeric(10, 2), c -> c.serverDefault(new BigDecimal("0.00")))
                        .column("ratio", REAL)
                        .column("score", DOUBLE)
                        .column("token", UUID, c -> c.notNull().serverDefault(randomUuid()))
                        .column("profile", JSON)
                        .column("picture", BLOB)
                        .column("lowered", TEXT, c -> c.serverDefault(ServerDefault.sql("lower('ABC')")))
                        .unique("name", "born")
                        .check("price >= 0")
                        .comment("all the types"))));
        cases.add(OpCase.of("createTable with composite key and foreign keys with actions", BASE, op -> op.createTable(
                "membership", t -> t
                        .column("parent_id", BIGINT, c -> c.primaryKey().references("parent", "id").onDelete(CASCADE))
                        .column("child_id", BIGINT, c -> c.primaryKey())
                        .column("backup_id", BIGINT, c -> c.references("parent", "id").onDelete(SET_NULL).onUpdate(CASCADE))
                        .column("later_id", BIGINT, c -> c.references("parent", "id").deferrable(INITIALLY_DEFERRED))
                        .foreignKey(f -> f.columns("child_id").references("child", "id").onDelete(RESTRICT)
                                .deferrable(INITIALLY_IMMEDIATE)))).except(Kind.MARIADB));
        cases.add(OpCase.of("createTable IF NOT EXISTS", BASE, op -> {
            op.createTable("maybe", t -> t.column("id", INTEGER, c -> c.primaryKey()).ifNotExists());
        }));
        cases.add(OpCase.of("createTable with an enum column", MOOD, op -> op.createTable("diary", t -> t
                .column("id", INTEGER, c -> c.primaryKey())
                .column("mood", enumOf("mood", "happy", "sad"), c -> c.notNull().serverDefault("happy"))))
                .rows(db -> {
                    db.execute("INSERT INTO diary (id) VALUES (1)");
                    assertEquals(List.of("happy"), db.strings("SELECT mood FROM diary"));
                    assertRefused(db, "INSERT INTO diary (id, mood) VALUES (2, 'angry')");
                }));
        cases.add(OpCase.of("dropTable with its definition", BASE.andThen(op -> op.createTable("lonely", t -> t
                .column("id", INTEGER, c -> c.primaryKey())
                .column("label", TEXT, c -> c.notNull().serverDefault("x")))), op -> op.dropTable("lonely", t -> t
                        .column("id", INTEGER, c -> c.primaryKey())
                        .column("label", TEXT, c -> c.notNull().serverDefault("x")))));
        cases.add(OpCase.of("dropTable IF EXISTS of a missing table", BASE, op -> op.dropTable("nowhere", DropOption.IF_EXISTS))
                .oneWay());
        cases.add(OpCase.of("dropTable CASCADE takes the dependent view", BASE.andThen(
                op -> op.createView("child_notes", "SELECT note FROM child")),
                op -> op.dropTable("child", DropOption.CASCADE)).only(Kind.POSTGRESQL).oneWay());
        cases.add(OpCase.of("renameTable", BASE, op -> op.renameTable("child", "kid"))
                .rows(db -> assertEquals(List.of("first", "second"), db.strings("SELECT note FROM kid WHERE note IS NOT NULL ORDER BY id"))));
        cases.add(OpCase.of("setTableComment", BASE, op -> op.setTableComment("child", "the children", null)));

        // ---- columns ----
        cases.add(OpCase.of("addColumn nullable", BASE, op -> op.addColumn("child", "last_read_at", TIMESTAMP_TZ)));
        cases.add(OpCase.of("addColumn NOT NULL with a literal default", BASE,
                op -> op.addColumn("child", "status", varchar(10), c -> c.notNull().serverDefault("new")))
                .rows(db -> assertEquals(List.of("new", "new", "new"), db.strings("SELECT status FROM child"))));
        cases.add(OpCase.of("addColumn with a CURRENT_TIMESTAMP default (a rebuild on SQLite)", BASE,
                op -> op.addColumn("child", "created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now())))
                .rows(db -> assertEquals(List.of("3"), db.strings("SELECT count(*) FROM child WHERE created_at IS NOT NULL"))));
        cases.add(OpCase.of("addColumn with a foreign key", BASE,
                op -> op.addColumn("child", "backup_id", BIGINT, c -> c.references("parent", "id").onDelete(SET_NULL))));
        cases.add(OpCase.of("addColumn UNIQUE (a rebuild on SQLite)", BASE,
                op -> op.addColumn("child", "serial", varchar(40), c -> c.unique())));
        cases.add(OpCase.of("addColumn with a comment", BASE,
                op -> op.addColumn("child", "remark", TEXT, c -> c.comment("free text"))));
        cases.add(OpCase.of("addColumn of an enum type", MOOD,
                op -> op.addColumn("child", "mood", enumOf("mood", "happy", "sad"))));
        cases.add(OpCase.of("dropColumn with its definition", BASE,
                op -> op.dropColumn("child", "note", TEXT)));
        cases.add(OpCase.of("dropColumn of an indexed column (a rebuild on SQLite)", BASE,
                op -> op.dropColumn("child", "code")).oneWay());
        cases.add(OpCase.of("renameColumn", BASE, op -> op.renameColumn("child", "note", "remark"))
                .rows(db -> assertEquals(List.of("first"), db.strings("SELECT remark FROM child WHERE id = 1"))));
        cases.add(OpCase.of("alterColumn type", BASE,
                op -> op.alterColumn("child", "amount", a -> a.type(BIGINT).existingType(INTEGER)))
                .rows(db -> assertEquals(List.of("10", "20", "30"), db.strings("SELECT amount FROM child ORDER BY id"))));
        cases.add(OpCase.of("alterColumn type with USING", BASE.andThen(op -> op.addColumn("child", "digits", TEXT,
                        c -> c.serverDefault("42"))),
                op -> op.alterColumn("child", "digits", a -> a.type(INTEGER).using("digits::integer")
                        .serverDefault(ServerDefault.value(0)).existingType(TEXT).existingServerDefault(ServerDefault.value("42"))))
                .oneWay()
                .rows(db -> assertEquals(List.of("42", "42", "42"), db.strings("SELECT digits FROM child ORDER BY id"))));
        cases.add(OpCase.of("alterColumn NOT NULL", BASE.andThen(op -> op.execute("UPDATE child SET note = '' WHERE note IS NULL")),
                op -> op.alterColumn("child", "note", a -> a.notNull().existingNullable(true))));
        cases.add(OpCase.of("alterColumn server default set and dropped", BASE, op -> {
            op.alterColumn("child", "code", a -> a.serverDefault(ServerDefault.value("none")).existingServerDefault(null));
            op.alterColumn("child", "amount", a -> a.dropServerDefault().existingServerDefault(ServerDefault.value(0)));
        }));
        cases.add(OpCase.of("alterColumn comment", BASE,
                op -> op.alterColumn("child", "note", a -> a.comment("what it is").existingComment(null))));
        cases.add(OpCase.of("add a column, fill it, make it NOT NULL (the seeds' data transform)", BASE, op -> {
            op.addColumn("child", "label", varchar(120));
            op.execute(SqlText.of("UPDATE child SET label = 'child ' || id").on("mysql", "UPDATE child SET label = CONCAT('child ', id)"),
                    SqlText.of("UPDATE child SET label = NULL"));
            op.alterColumn("child", "label", a -> a.notNull().existingNullable(true));
        }).rows(db -> assertEquals(List.of("child 1", "child 2", "child 3"), db.strings("SELECT label FROM child ORDER BY id"))));

        // ---- indexes ----
        cases.add(OpCase.of("createIndex unique on two columns", BASE,
                op -> op.createUniqueIndex("ux_child_parent_code", "child", "parent_id", "code")));
        cases.add(OpCase.of("createIndex on an expression", BASE,
                op -> op.createIndex("ix_child_lower_note", "child", i -> i.expression("lower(note)"))).except(Kind.MARIADB));
        cases.add(OpCase.of("createIndex partial", BASE,
                op -> op.createIndex("ix_child_big", "child", i -> i.columns("amount").where("amount > 15"))).except(Kind.MARIADB));
        cases.add(OpCase.of("createIndex descending, named by the convention", BASE,
                op -> op.createIndex("child", i -> i.columns("parent_id").descending("amount"))));
        cases.add(OpCase.of("createIndex IF NOT EXISTS of an index that exists", BASE,
                op -> op.createIndex("ix_child_code", "child", i -> i.columns("code").ifNotExists())).oneWay());
        cases.add(OpCase.of("createIndex CONCURRENTLY", BASE,
                op -> op.createIndex("ix_child_note", "child", i -> i.columns("note").concurrently())).outsideTransaction());
        cases.add(OpCase.of("dropIndex with its definition", BASE,
                op -> op.dropIndex("ix_child_code", "child", i -> i.columns("code"))));
        cases.add(OpCase.of("dropIndex IF EXISTS of a missing index", BASE,
                op -> op.dropIndex("ix_nowhere", "child", DropOption.IF_EXISTS)).oneWay());

        // ---- constraints ----
        cases.add(OpCase.of("addConstraint primary key", BASE.andThen(op -> op.createTable("loose", t -> t
                        .column("a", INTEGER, c -> c.notNull()).column("b", INTEGER, c -> c.notNull()))),
                op -> op.addConstraint("loose", c -> c.primaryKey("a", "b"))));
        cases.add(OpCase.of("addConstraint unique", BASE, op -> op.addConstraint("child", c -> c.unique("parent_id", "code"))));
        cases.add(OpCase.of("addConstraint check", BASE, op -> op.addConstraint("child", c -> c.name("ck_child_amount")
                .check("amount >= 0"))).rows(db -> assertRefused(db, "UPDATE child SET amount = -1")));
        cases.add(OpCase.of("addConstraint foreign key with actions", BASE.andThen(op -> op.addColumn("child", "backup_id", BIGINT)),
                op -> op.addConstraint("child", c -> c.foreignKey("backup_id").references("parent", "id")
                        .onDelete(SET_NULL).onUpdate(CASCADE)))
                .rows(db -> assertRefused(db, "UPDATE child SET backup_id = 99")));
        cases.add(OpCase.of("addConstraint deferrable foreign key", BASE.andThen(op -> op.addColumn("child", "backup_id", BIGINT)),
                op -> op.addConstraint("child", c -> c.foreignKey("backup_id").references("parent", "id")
                        .deferrable(INITIALLY_DEFERRED))).except(Kind.MARIADB));
        cases.add(OpCase.of("dropConstraint by the convention's name, with its definition", BASE.andThen(
                        op -> op.addConstraint("child", c -> c.unique("code"))),
                op -> op.dropConstraint("child", c -> c.unique("code"))));
        cases.add(OpCase.of("dropConstraint of a check by name, with its definition", BASE.andThen(
                        op -> op.addConstraint("child", c -> c.name("ck_child_amount").check("amount >= 0"))),
                op -> op.dropConstraint("child", "ck_child_amount", c -> c.name("ck_child_amount").check("amount >= 0"))));
        cases.add(OpCase.of("dropConstraint of a column's foreign key", BASE,
                op -> op.dropConstraint("child", c -> c.foreignKey("parent_id").references("parent", "id").onDelete(CASCADE))));
        cases.add(OpCase.of("drop and add a primary key", BASE.andThen(op -> op.createTable("keyed", t -> t
                        .column("a", INTEGER, c -> c.primaryKey()).column("b", INTEGER, c -> c.notNull()))),
                op -> {
                    op.dropConstraint("keyed", c -> c.primaryKey("a"));
                    op.addConstraint("keyed", c -> c.primaryKey("a", "b"));
                }));

        // ---- enums, sequences, views, schemas ----
        cases.add(OpCase.of("createEnum", BASE, op -> op.createEnum("color", "red", "green")));
        cases.add(OpCase.of("dropEnum with its values", MOOD, op -> op.dropEnum("mood", "happy", "sad")));
        cases.add(OpCase.of("addEnumValue before and after", MOOD, op -> {
            op.addEnumValueBefore("mood", "ecstatic", "happy");
            op.addEnumValueAfter("mood", "meh", "happy");
        }).only(Kind.POSTGRESQL).oneWay());
        cases.add(OpCase.of("createSequence", BASE, op -> op.createSequence("invoice_numbers", s -> s.start(1000).increment(10)))
                .only(Kind.POSTGRESQL)
                .rows(db -> assertEquals(List.of("1000"), db.strings("SELECT nextval('invoice_numbers')"))));
        cases.add(OpCase.of("dropSequence with its definition", BASE.andThen(op -> op.createSequence("seq_a")),
                op -> op.dropSequence("seq_a", s -> { })).only(Kind.POSTGRESQL));
        cases.add(OpCase.of("createView", BASE, op -> op.createView("child_names",
                "SELECT c.id, p.name FROM child c JOIN parent p ON p.id = c.parent_id"))
                .rows(db -> assertEquals(List.of("Ada", "Grace", "Grace"), db.strings("SELECT name FROM child_names ORDER BY id"))));
        cases.add(OpCase.of("replaceView with its previous query", BASE.andThen(op -> op.createView("v", "SELECT id FROM child")),
                op -> op.replaceView("v", "SELECT id FROM child WHERE amount > 15", "SELECT id FROM child"))
                .rows(db -> assertEquals(List.of("2", "3"), db.strings("SELECT id FROM v ORDER BY id"))));
        cases.add(OpCase.of("dropView with its query", BASE.andThen(op -> op.createView("v", "SELECT id FROM child")),
                op -> op.dropView("v", "SELECT id FROM child")));

        // ---- data ----
        cases.add(OpCase.of("execute with a statement per dialect", BASE, op -> op.execute(
                SqlText.of("UPDATE child SET note = 'generic'").on("sqlite", "UPDATE child SET note = 'sqlite'")
                        .on("postgresql", "UPDATE child SET note = 'postgresql'")
                        .on("mysql", "UPDATE child SET note = 'mysql'"))).oneWay()
                .rows(db -> assertEquals(List.of(db.kind().dialect()),
                        db.strings("SELECT DISTINCT note FROM child"))));
        cases.add(OpCase.of("execute for one dialect only", BASE,
                op -> op.execute(SqlText.only("postgresql", "UPDATE child SET note = 'only here'"))).oneWay()
                .rows(db -> assertEquals(db.kind() != Kind.POSTGRESQL ? List.of("first", "second") : List.of("only here"),
                        db.strings("SELECT DISTINCT note FROM child WHERE note IS NOT NULL ORDER BY 1"))));
        cases.add(OpCase.of("bulkInsert with typed values", BASE.andThen(op -> op.createTable("typed", t -> t
                        .column("id", INTEGER, c -> c.primaryKey())
                        .column("flag", BOOLEAN).column("born", DATE).column("at", TIMESTAMP_TZ).column("price", numeric(8, 2))
                        .column("token", UUID).column("doc", JSON).column("raw", BLOB).column("txt", TEXT))),
                op -> op.bulkInsert("typed", r -> r.columns("id", "flag", "born", "at", "price", "token", "doc", "raw", "txt")
                        .row(1, true, java.time.LocalDate.of(2024, 2, 29), java.time.OffsetDateTime.parse("2024-02-29T12:30:00Z"),
                                new BigDecimal("12.50"), java.util.UUID.fromString("0b8f6a52-8a9c-4a43-b1c7-1a7f3a3c1e11"),
                                "{\"a\": [1, 2]}", new byte[] {0, 1, (byte) 0xff}, "it's \"quoted\"")
                        .row(2, false, null, null, null, null, null, null, null)))
                .oneWay()
                .rows(db -> {
                    boolean pg = db.kind() == Kind.POSTGRESQL;
                    boolean mysql = db.kind() == Kind.MARIADB;
                    assertEquals(List.of(pg ? "t" : "1", pg ? "f" : "0"), db.strings("SELECT flag FROM typed ORDER BY id"));
                    assertEquals("2024-02-29", db.strings("SELECT born FROM typed WHERE id = 1").get(0));
                    assertEquals("12.50", db.strings("SELECT price FROM typed WHERE id = 1").get(0).replace("12.5", "12.50")
                            .replace("12.500", "12.50"));
                    assertEquals("0b8f6a52-8a9c-4a43-b1c7-1a7f3a3c1e11", db.strings("SELECT token FROM typed WHERE id = 1").get(0));
                    assertEquals("it's \"quoted\"", db.strings("SELECT txt FROM typed WHERE id = 1").get(0));
                    assertEquals(pg ? "00 01 ff" : "0001FF", db.strings(pg ? "SELECT encode(raw, 'hex') FROM typed WHERE id = 1"
                            : "SELECT hex(raw) FROM typed WHERE id = 1").get(0).replace("0001ff", "00 01 ff"));
                    assertEquals(List.of("2"), db.strings("SELECT id FROM typed WHERE born IS NULL AND raw IS NULL"));
                    String at = db.strings(pg ? "SELECT extract(epoch FROM at)::bigint FROM typed WHERE id = 1"
                            : mysql ? "SELECT TIMESTAMPDIFF(SECOND, '1970-01-01', at) FROM typed WHERE id = 1"
                            : "SELECT unixepoch(at) FROM typed WHERE id = 1").get(0);
                    assertEquals("1709209800", at);
                }));
        cases.add(OpCase.of("run: Java that reads before it writes", BASE, op -> op.run("number the notes", c -> {
            var ids = new ArrayList<Long>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM child ORDER BY id"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE child SET note = ? WHERE id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    s.setString(1, "note " + (i + 1));
                    s.setLong(2, ids.get(i));
                    s.executeUpdate();
                }
            }
        })).oneWay().rows(db -> assertEquals(List.of("note 1", "note 2", "note 3"), db.strings("SELECT note FROM child ORDER BY id"))));
        cases.add(OpCase.of("jOOQ update, insert … select and delete", BASE, op -> {
            op.execute(JooqSql.of(dsl -> dsl.update(JooqSql.table("parent"))
                    .set(JooqSql.field("name", String.class), upper(JooqSql.field("name", String.class)))));
            op.execute(JooqSql.of(dsl -> dsl.insertInto(JooqSql.table("parent"), JooqSql.field("id", Long.class),
                            JooqSql.field("name", String.class))
                    .select(select(JooqSql.field("id", Long.class).plus(100), JooqSql.field("note", String.class))
                            .from(JooqSql.table("child")).where(JooqSql.field("note", String.class).isNotNull()))));
            op.execute(JooqSql.of(dsl -> dsl.deleteFrom(JooqSql.table("child"))
                    .where(JooqSql.field("amount", Integer.class).gt(25))));
        }).oneWay().rows(db -> {
            assertEquals(List.of("ADA", "GRACE", "first", "second"), db.strings("SELECT name FROM parent ORDER BY id"));
            assertEquals(List.of("1", "2"), db.strings("SELECT id FROM child ORDER BY id"));
        }).except(Kind.MARIADB));

        // ---- batches ----
        cases.add(OpCase.of("batchAlterTable: several changes to one table", BASE, op -> op.batchAlterTable("child", b -> b
                .renameColumn("note", "remark")
                .addColumn("flag", BOOLEAN, c -> c.notNull().serverDefault(false))
                .alterColumn("amount", a -> a.type(BIGINT).existingType(INTEGER))
                .addConstraint(c -> c.check("amount >= 0"))
                .createIndex("ix_child_flag", "flag")))
                .rows(db -> assertEquals(List.of("first|10", "second|20", "null|30"),
                        db.strings(db.kind() == Kind.MARIADB ? "SELECT CONCAT(coalesce(remark, 'null'), '|', amount) FROM child ORDER BY id"
                                : "SELECT coalesce(remark, 'null') || '|' || amount FROM child ORDER BY id"))));
        cases.add(OpCase.of("batchAlterTable recreate ALWAYS", BASE, op -> op.batchAlterTable("child", b -> b
                .recreate(Recreate.ALWAYS).addColumn("extra", TEXT)))
                .rows(db -> assertEquals(List.of("3"), db.strings("SELECT count(*) FROM child"))));

        cases.addAll(RealSchemaCases.all());

        // ---- hostile identifiers ----
        cases.add(OpCase.of("hostile names: table, columns, index and constraints", BASE, op -> {
            op.createTable(HOSTILE_TABLE, t -> t
                    .column("id", INTEGER, c -> c.primaryKey())
                    .column("select", TEXT, c -> c.unique())
                    .column("My Column", INTEGER)
                    .column("returning", BIGINT, c -> c.references("parent", "id")));
            op.createIndex("ix with \"quotes\" ß", HOSTILE_TABLE, "My Column", "select");
            op.addConstraint(HOSTILE_TABLE, c -> c.name("ck \"odd\" Ünïcode").check("\"My Column\" > 0"));
            op.addConstraint(HOSTILE_TABLE, c -> c.name("UQ Mixed Case").unique("My Column", "returning"));
        }).rows(db -> {
            db.execute("INSERT INTO \"Order \"\"Items\"\" ü\" (id, \"select\", \"My Column\", \"returning\") VALUES (1, 'a', 5, 1)");
            assertRefused(db, "INSERT INTO \"Order \"\"Items\"\" ü\" (id, \"select\", \"My Column\") VALUES (2, 'b', -1)");
        }).except(Kind.MARIADB)); // its SQL quotes names as standard SQL does; MysqlDialectTest has MySQL's own

        return cases;
    }

    /** The database refuses the statement (a constraint holds; on SQLite with foreign keys enforced). */
    static void assertRefused(dev.retort.runtime.testing.TestDatabase db, String sql) {
        try {
            db.executeWithForeignKeys(sql);
        } catch (java.sql.SQLException expected) {
            return;
        }
        throw new AssertionError("the database accepted " + sql);
    }
}
