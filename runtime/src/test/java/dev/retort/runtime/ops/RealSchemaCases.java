package dev.retort.runtime.ops;

import static dev.retort.runtime.ops.OpCases.BASE;
import static dev.retort.runtime.ops.OpCases.assertRefused;
import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.JSONB;
import static dev.retort.schema.SqlType.PLAIN_JSON;
import static dev.retort.schema.SqlType.SMALLINT;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.TIMESTAMP;
import static dev.retort.schema.SqlType.arrayOf;
import static dev.retort.schema.SqlType.enumOf;
import static dev.retort.schema.SqlType.named;
import static dev.retort.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.testing.TestDatabase.Kind;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import java.util.List;

/**
 * What existing databases and ported Alembic histories hold: names the database chose, serial
 * keys, native types by name, ops for one dialect. Each case is rendered for the golden SQL and
 * run on both databases like the rest of {@link OpCases}.
 */
final class RealSchemaCases {

    private static final NamingConvention DATABASE = NamingConvention.database();

    private RealSchemaCases() {
    }

    static List<OpCase> all() {
        return List.of(
                // ---- names the database chooses ----
                OpCase.of("database naming: createTable leaves key, unique, foreign key and check unnamed", BASE,
                        op -> op.createTable("award", t -> t
                                .column("id", INTEGER, c -> c.primaryKey().serial())
                                .column("team_id", BIGINT, c -> c.references("parent", "id"))
                                .column("code", varchar(10), c -> c.unique())
                                .column("points", INTEGER, c -> c.notNull())
                                .check("points >= 0")))
                        .naming(DATABASE)
                        .rows(db -> {
                            if (db.kind() == Kind.POSTGRESQL) {
                                assertEquals(List.of("award_code_key", "award_pkey", "award_points_check",
                                        "award_team_id_fkey"), db.strings("SELECT conname FROM pg_constraint"
                                        + " WHERE conrelid = 'award'::regclass ORDER BY 1"));
                            } else if (db.kind() == Kind.SQLITE) {
                                assertFalse(db.strings("SELECT sql FROM sqlite_master WHERE name = 'award'").get(0)
                                        .contains("CONSTRAINT"));
                            }
                            assertRefused(db, "INSERT INTO award (points) VALUES (-1)");
                        }),
                OpCase.of("database naming: dropConstraint by definition finds what the database named", BASE.andThen(op -> {
                    op.addConstraint("child", c -> c.unique("code"));
                    op.addConstraint("child", c -> c.check("amount >= 0"));
                }), op -> {
                    op.dropConstraint("child", c -> c.unique("code"));
                    op.dropConstraint("child", c -> c.check("amount >= 0"));
                    op.dropConstraint("child", c -> c.foreignKey("parent_id").references("parent", "id").onDelete(CASCADE));
                }).naming(DATABASE).rows(db -> {
                    // What the three constraints refused goes in, and comes out again for the downgrade.
                    db.execute("UPDATE child SET amount = -1, code = 'same' WHERE id IN (1, 2)");
                    db.execute("INSERT INTO child (id, parent_id) VALUES (9, 99)");
                    db.execute("DELETE FROM child WHERE id = 9");
                    db.execute(db.kind() == Kind.MARIADB ? "UPDATE child SET amount = 10 * id, code = CONCAT('x', id) WHERE id IN (1, 2)"
                            : "UPDATE child SET amount = 10 * id, code = 'x' || id WHERE id IN (1, 2)");
                }),
                OpCase.of("database naming: drop and rename by the names PostgreSQL gave", BASE, op -> {
                    op.dropConstraint("child", "child_parent_id_fkey",
                            c -> c.foreignKey("parent_id").references("parent", "id").onDelete(CASCADE));
                    op.execute("ALTER INDEX parent_pkey RENAME TO parent_pk", "ALTER INDEX parent_pk RENAME TO parent_pkey");
                }).naming(DATABASE).only(Kind.POSTGRESQL).rows(db -> assertEquals(List.of("parent_pk"),
                        db.strings("SELECT conname FROM pg_constraint WHERE conrelid = 'parent'::regclass"))),
                OpCase.of("database naming: rename a table, re-create it and copy the rows back", BASE, op -> {
                    op.renameTable("child", "child_old");
                    op.createTable("child", t -> t
                            .column("id", BIGINT, c -> c.primaryKey())
                            .column("parent_id", BIGINT, c -> c.notNull().references("parent", "id"))
                            .column("note", TEXT));
                    op.execute("INSERT INTO child (id, parent_id, note) SELECT id, parent_id, note FROM child_old");
                    op.dropTable("child_old");
                }).naming(DATABASE).oneWay().rows(db -> {
                    assertEquals(List.of("3"), db.strings("SELECT count(*) FROM child"));
                    if (db.kind() == Kind.POSTGRESQL) {
                        // The old table's key index still held child_pkey when the new one was made.
                        assertEquals(List.of("child_parent_id_fkey1", "child_pkey1"), db.strings("SELECT conname"
                                + " FROM pg_constraint WHERE conrelid = 'child'::regclass ORDER BY 1"));
                    }
                }),

                // ---- serial keys ----
                OpCase.of("serial key: createTable", BASE, op -> op.createTable("ticket", t -> t
                                .column("id", INTEGER, c -> c.primaryKey().serial())
                                .column("title", TEXT)))
                        .rows(db -> {
                            db.execute("INSERT INTO ticket (title) VALUES ('a')");
                            db.execute("INSERT INTO ticket (title) VALUES ('b')");
                            assertEquals(List.of("1", "2"), db.strings("SELECT id FROM ticket ORDER BY id"));
                        }),
                OpCase.of("serial key: bigserial and smallserial, the sequences the columns own", BASE,
                                op -> op.createTable("counter", t -> t
                                        .column("id", BIGINT, c -> c.primaryKey().serial())
                                        .column("lap", SMALLINT, c -> c.serial())))
                        .only(Kind.POSTGRESQL)
                        .rows(db -> assertEquals(List.of("counter_id_seq", "counter_lap_seq"), db.strings(
                                "SELECT s.relname FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'"
                                        + " WHERE d.refobjid = 'counter'::regclass AND d.deptype = 'a' ORDER BY 1"))),
                OpCase.of("serial key: drop its default, then its sequence by name", BASE.andThen(op -> op.createTable("ticket",
                                t -> t.column("id", INTEGER, c -> c.primaryKey().serial()))), op -> {
                    op.alterColumn("ticket", "id", a -> a.dropServerDefault()
                            .existingServerDefault(ServerDefault.sql("nextval('ticket_id_seq'::regclass)")));
                    op.dropSequence("ticket_id_seq");
                }).only(Kind.POSTGRESQL).oneWay().rows(db -> {
                    assertEquals(List.of("0"), db.strings("SELECT count(*) FROM pg_class WHERE relname = 'ticket_id_seq'"));
                    assertRefused(db, "INSERT INTO ticket DEFAULT VALUES");
                }),
                OpCase.of("serial key: change its type", BASE.andThen(op -> op.createTable("ticket", t -> t
                                .column("id", INTEGER, c -> c.primaryKey().serial())
                                .column("title", TEXT))),
                        op -> op.alterColumn("ticket", "id", a -> a.type(BIGINT).existingType(INTEGER)))
                        .rows(db -> {
                            db.execute("INSERT INTO ticket (title) VALUES ('a')");
                            assertEquals(List.of("1"), db.strings("SELECT id FROM ticket"));
                        }),
                OpCase.of("identity key: drop its default, then change its type to text", BASE.andThen(op -> op.createTable(
                                "token", t -> t.column("id", BIGINT, c -> c.primaryKey().identity()).column("label", TEXT))),
                        op -> {
                            op.alterColumn("token", "id", a -> a.dropServerDefault());
                            op.alterColumn("token", "id", a -> a.type(TEXT).existingType(BIGINT));
                        })
                        .only(Kind.POSTGRESQL).oneWay()
                        .rows(db -> {
                            db.execute("INSERT INTO token (id, label) VALUES ('abc', 'x')");
                            assertRefused(db, "INSERT INTO token (label) VALUES ('y')");
                        }),

                // ---- types ----
                OpCase.of("types: varchar without length, json and jsonb, types by name, a non-native enum", BASE,
                        op -> op.createTable("doc", t -> t
                                .column("id", INTEGER, c -> c.primaryKey())
                                .column("slug", varchar())
                                .column("meta", PLAIN_JSON)
                                .column("data", JSONB)
                                .column("search", named("tsvector").on("sqlite", "TEXT").on("mysql", "LONGTEXT"))
                                .column("address", named("inet").on("sqlite", "VARCHAR(45)").on("mysql", "VARCHAR(45)"))
                                .column("status", enumOf("doc_status", "draft", "published").nonNative(),
                                        c -> c.notNull().serverDefault("draft"))
                                .column("written", TIMESTAMP, c -> c.serverDefault(ServerDefault.now()))))
                        .rows(db -> {
                            db.execute("INSERT INTO doc (id, slug, meta) VALUES (1, 'a-very-long-slug', '{\"a\": 1}')");
                            assertEquals(List.of("draft"), db.strings("SELECT status FROM doc"));
                            assertRefused(db, "INSERT INTO doc (id, status) VALUES (2, 'bogus')");
                        }),
                OpCase.of("types: the same, named by the database", BASE,
                        op -> op.createTable("doc", t -> t
                                .column("id", INTEGER, c -> c.primaryKey())
                                .column("status", enumOf("doc_status", "draft", "published").nonNative())))
                        .naming(DATABASE)
                        .rows(db -> assertRefused(db, "INSERT INTO doc (id, status) VALUES (2, 'bogus')")),
                OpCase.of("types: arrays and a domain", BASE.andThen(op -> op.execute(
                                "CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0)", "DROP DOMAIN positive_int")),
                        op -> op.createTable("tagged", t -> t
                                .column("id", INTEGER, c -> c.primaryKey())
                                .column("tags", arrayOf(TEXT))
                                .column("scores", arrayOf(INTEGER))
                                .column("quantity", named("positive_int"))))
                        .only(Kind.POSTGRESQL)
                        .rows(db -> {
                            db.execute("INSERT INTO tagged (id, tags, scores) VALUES (1, ARRAY['a', 'b'], '{1,2}')");
                            assertEquals(List.of("b"), db.strings("SELECT tags[2] FROM tagged"));
                            assertRefused(db, "INSERT INTO tagged (id, quantity) VALUES (2, -1)");
                        }),
                OpCase.of("types: alterColumn to a non-native enum", BASE,
                        op -> op.alterColumn("child", "code", a -> a.type(enumOf("code_kind", "x1", "x2", "x3").nonNative())
                                .existingType(varchar(20))))
                        .rows(db -> assertRefused(db, "UPDATE child SET code = 'x9'")),

                OpCase.of("types: alterColumn to DATETIME, JSON and DATE keeps the text (numeric affinity, no CAST)",
                                BASE.andThen(op -> {
                                    op.createTable("stamped", t -> t
                                            .column("id", INTEGER, c -> c.primaryKey())
                                            .column("at", TEXT).column("doc", TEXT).column("day", varchar(20)));
                                    op.execute("INSERT INTO stamped VALUES (1, '2024-01-01 10:00:00', '{\"a\": 1}',"
                                            + " '2024-05-06')", "DELETE FROM stamped");
                                }),
                        op -> op.batchAlterTable("stamped", b -> b
                                .alterColumn("at", a -> a.type(TIMESTAMP).existingType(TEXT))
                                .alterColumn("doc", a -> a.type(PLAIN_JSON).existingType(TEXT))
                                .alterColumn("day", a -> a.type(SqlType.DATE).existingType(varchar(20)))))
                        .only(Kind.SQLITE)
                        .rows(db -> assertEquals(List.of("2024-01-01 10:00:00|{\"a\": 1}|2024-05-06"),
                                db.strings("SELECT at || '|' || doc || '|' || day FROM stamped"))),
                OpCase.of("database naming: an unnamed check dropped by definition is that one, not a look-alike",
                                BASE.andThen(op -> op.createTable("priced", t -> t
                                        .column("id", INTEGER, c -> c.primaryKey())
                                        .column("price", INTEGER).column("sale_price", INTEGER)
                                        .check("sale_price > 0").check("price > 0"))),
                        op -> op.dropConstraint("priced", c -> c.check("price > 0")))
                        .naming(DATABASE)
                        .rows(db -> {
                            db.execute("INSERT INTO priced (id, price, sale_price) VALUES (1, -1, 1)");
                            assertRefused(db, "INSERT INTO priced (id, price, sale_price) VALUES (2, 1, -1)");
                            db.execute("DELETE FROM priced");
                        }),
                OpCase.of("types: a non-native enum SQLAlchemy made gains a value", BASE.andThen(op -> op.execute(
                                "CREATE TABLE moody (id INTEGER NOT NULL, mood VARCHAR(5), PRIMARY KEY (id),"
                                        + " CONSTRAINT mood CHECK (mood IN ('happy', 'sad')))", "DROP TABLE moody")),
                        op -> op.alterColumn("moody", "mood", a -> a.type(enumOf("mood", "happy", "sad", "meh").nonNative())
                                .existingType(enumOf("mood", "happy", "sad").nonNative())))
                        // One way: the downgrade writes the old check back in Retort's quoting ("mood" IN …),
                        // which check takes as the same, but the catalog's text differs.
                        .naming(DATABASE).only(Kind.SQLITE).oneWay()
                        .rows(db -> {
                            db.execute("INSERT INTO moody (id, mood) VALUES (1, 'meh')");
                            assertRefused(db, "INSERT INTO moody (id, mood) VALUES (2, 'angry')");
                            db.execute("DELETE FROM moody");
                        }),

                // ---- one dialect ----
                OpCase.of("only: ops for one dialect", BASE, op -> {
                    op.only("postgresql", o -> o.alterColumn("child", "code", a -> a.type(TEXT).existingType(varchar(20))));
                    op.only("sqlite", o -> o.addColumn("child", "local_note", TEXT));
                }).rows(db -> assertEquals(db.kind() == Kind.SQLITE ? List.of("1") : List.of("0"), db.strings(db.kind()
                        == Kind.SQLITE ? "SELECT count(*) FROM pragma_table_info('child') WHERE name = 'local_note'"
                        : "SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                                + (db.kind() == Kind.MARIADB ? "DATABASE()" : "current_schema()")
                                + " AND table_name = 'child'"
                                + " AND column_name = 'local_note'"))),

                // ---- smaller gaps ----
                OpCase.of("batchAlterTable with execute", BASE, op -> op.batchAlterTable("child", b -> b
                        .execute("UPDATE child SET note = 'batched' WHERE note IS NULL",
                                "UPDATE child SET note = NULL WHERE note = 'batched'")
                        .addColumn("extra", TEXT, c -> c.unique())))
                        .rows(db -> assertEquals(List.of("batched"), db.strings("SELECT note FROM child WHERE id = 3"))),
                OpCase.of("dropIndex by its name alone", BASE, op -> op.dropIndex("ix_child_code")).oneWay()
                        .rows(db -> assertTrue(db.strings(db.kind() == Kind.SQLITE
                                ? "SELECT name FROM sqlite_master WHERE type = 'index'"
                                : db.kind() == Kind.MARIADB ? "SELECT INDEX_NAME FROM information_schema.STATISTICS"
                                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'child'"
                                : "SELECT indexname FROM pg_indexes WHERE tablename = 'child'").stream()
                                .noneMatch("ix_child_code"::equals))));
    }
}
