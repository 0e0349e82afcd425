package dev.retort.runtime.ops;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ServerDefault.now;
import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.TIMESTAMP_TZ;
import static dev.retort.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.dsl.Ops;
import dev.retort.index.RevisionInfo;
import dev.retort.op.BatchAlterTable.Recreate;
import dev.retort.op.SqlText;
import dev.retort.runtime.Retort;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import dev.retort.schema.ServerDefault;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table of 100,000 rows with foreign keys in and out, indexes (plain, unique, partial,
 * expression), a collation, triggers on it and on another table that name it, a view, checks and
 * defaults goes through a series of batch changes and back. On SQLite the connection enforces
 * foreign keys, so a rebuild that let DROP TABLE cascade would lose the comments. Afterwards every
 * row is there with its values, {@code foreign_key_check} is clean, and every index, trigger and
 * view is back and working.
 */
class BatchIntegrityTest {

    private static final int POSTS = 100_000;
    private static final int AUTHORS = 1_000;
    private static final int COMMENTS = 10_000;

    private static final String FINGERPRINT = "SELECT count(*) || '|' || sum(id) || '|' || sum(author_id) || '|'"
            + " || sum(score) || '|' || sum(rating) || '|' || sum(length(title)) || '|' || sum(length(slug)) FROM post";

    private static void setup(Ops op) {
        op.createTable("author", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("name", varchar(80), c -> c.notNull().unique()));
        op.createTable("post", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("author_id", BIGINT, c -> c.notNull().references("author", "id").onDelete(CASCADE))
                .column("title", varchar(200), c -> c.notNull())
                .column("score", INTEGER, c -> c.notNull().serverDefault(0))
                .column("rating", INTEGER)
                .column("status", varchar(10), c -> c.notNull().serverDefault("draft"))
                .column("body", TEXT)
                .check("score >= 0"));
        op.execute(SqlText.of("ALTER TABLE post ADD COLUMN slug TEXT COLLATE NOCASE")
                .on("postgresql", "ALTER TABLE post ADD COLUMN slug TEXT COLLATE \"C\""));
        op.createTable("comment", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("post_id", BIGINT, c -> c.notNull().references("post", "id").onDelete(CASCADE))
                .column("text", TEXT));
        op.createTable("audit", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("post_id", BIGINT)
                .column("note", TEXT));
        op.createIndex("ix_post_author", "post", "author_id");
        op.createIndex("ix_post_hot", "post", i -> i.columns("score").where("score > 90"));
        op.createIndex("ix_post_title_lower", "post", i -> i.expression("lower(title)"));
        op.createUniqueIndex("ux_post_slug", "post", "slug");
        op.createView("post_by_author", "SELECT p.id, p.author_id, a.name FROM post p JOIN author a ON a.id = p.author_id");
        op.execute(SqlText.of("CREATE TRIGGER tr_post_score AFTER UPDATE OF score ON post"
                        + " BEGIN INSERT INTO audit (post_id, note) VALUES (NEW.id, 'score'); END")
                .on("postgresql", "CREATE FUNCTION post_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " INSERT INTO audit (post_id, note) VALUES (NEW.id, 'score'); RETURN NEW; END $$;"
                        + " CREATE TRIGGER tr_post_score AFTER UPDATE OF score ON post FOR EACH ROW EXECUTE FUNCTION post_audit()"));
        op.execute(SqlText.of("CREATE TRIGGER tr_comment_bump AFTER INSERT ON comment"
                        + " BEGIN UPDATE post SET rating = coalesce(rating, 0) + 1 WHERE id = NEW.post_id; END")
                .on("postgresql", "CREATE FUNCTION comment_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " UPDATE post SET rating = coalesce(rating, 0) + 1 WHERE id = NEW.post_id; RETURN NEW; END $$;"
                        + " CREATE TRIGGER tr_comment_bump AFTER INSERT ON comment FOR EACH ROW EXECUTE FUNCTION comment_bump()"));
        op.execute(SqlText.of("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + AUTHORS + ")"
                        + " INSERT INTO author (id, name) SELECT i, 'author ' || i FROM n")
                .on("postgresql", "INSERT INTO author (id, name) SELECT i, 'author ' || i FROM generate_series(1, "
                        + AUTHORS + ") i"));
        op.execute(SqlText.of("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + POSTS + ")"
                        + " INSERT INTO post (id, author_id, title, score, rating, body, slug)"
                        + " SELECT i, 1 + i % " + AUTHORS + ", 'Title ' || i, i % 100, CASE WHEN i % 7 = 0 THEN NULL ELSE i % 5 END,"
                        + " 'body of ' || i, 'slug-' || i FROM n")
                .on("postgresql", "INSERT INTO post (id, author_id, title, score, rating, body, slug)"
                        + " SELECT i, 1 + i % " + AUTHORS + ", 'Title ' || i, i % 100, CASE WHEN i % 7 = 0 THEN NULL ELSE i % 5 END,"
                        + " 'body of ' || i, 'slug-' || i FROM generate_series(1, " + POSTS + ") i"));
        op.execute(SqlText.of("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + COMMENTS + ")"
                        + " INSERT INTO comment (id, post_id, text) SELECT i, i * 7 % " + POSTS + " + 1, 'c' || i FROM n")
                .on("postgresql", "INSERT INTO comment (id, post_id, text) SELECT i, i * 7 % " + POSTS + " + 1, 'c' || i"
                        + " FROM generate_series(1, " + COMMENTS + ") i"));
        // Rows inserted with their ids leave PostgreSQL's identity sequences behind, as they would any application's.
        for (String table : List.of("author", "post", "comment")) {
            op.execute(SqlText.only("postgresql", "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'),"
                    + " (SELECT max(id) FROM " + table + "))"));
        }
    }

    /** Changes that need rebuilds on SQLite: a non-constant default, a type, a check, a dropped indexed column, renames. */
    private static void changes(Ops op) {
        op.batchAlterTable("post", b -> b
                .addColumn("published_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now()))
                .alterColumn("rating", a -> a.type(BIGINT).existingType(INTEGER))
                .addConstraint(c -> c.name("ck_post_title").check("length(title) > 0"))
                .dropColumn("body", TEXT, c -> { })
                .renameColumn("status", "state"));
        op.batchAlterTable("post", b -> b
                .alterColumn("state", a -> a.serverDefault(ServerDefault.value("new"))
                        .existingServerDefault(ServerDefault.value("draft"))));
        op.batchAlterTable("post", b -> b.recreate(Recreate.ALWAYS)
                .dropIndex("ix_post_hot", i -> i.columns("score").where("score > 90"))
                .createIndex("ix_post_top", i -> i.columns("score").where("score > 95")));
    }

    @ParameterizedTest
    // Not MySQL: batches there are plain ALTERs (the op corpus runs them), and this schema's triggers
    // and partial index are written for the two databases whose batches are table rebuilds or in place.
    @EnumSource(value = Kind.class, names = "MARIADB", mode = EnumSource.Mode.EXCLUDE)
    void everythingSurvivesASeriesOfBatchChangesAndTheirReverse(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            // SQLite's driver turns enforcement on for every connection with this URL, as applications do.
            String url = kind == Kind.SQLITE ? db.url() + "?foreign_keys=on" : db.url();
            var index = new InlineIndex()
                    .add(RevisionInfo.of("setup"), BatchIntegrityTest::setup)
                    .add("change", "setup", BatchIntegrityTest::changes);
            Retort retort = Retort.configure().url(url).indexes(List.of(index)).build();
            retort.upgrade("setup");
            String rows = db.strings(FINGERPRINT).get(0);
            Catalog before = OpRuns.catalog(db);
            String sequenceBefore = kind == Kind.SQLITE ? db.strings("SELECT seq FROM sqlite_sequence WHERE name = 'post'").get(0) : null;

            retort.upgrade("change");
            assertEquals(rows, db.strings(FINGERPRINT).get(0), "every post with its values");
            assertEquals(List.of(String.valueOf(COMMENTS)), db.strings("SELECT count(*) FROM comment"), "no comment cascaded away");
            TableInfo post = OpRuns.catalog(db).table("post").orElseThrow();
            assertEquals(List.of("id", "author_id", "title", "score", "rating", "state", "slug", "published_at"), post.columnNames());
            assertEquals(List.of("ix_post_author", "ix_post_title_lower", "ix_post_top", "ux_post_slug"),
                    post.indexes().stream().map(TableInfo.IndexInfo::name).sorted().toList());
            assertNotNull(post.index("ix_post_top").orElseThrow().where(), "partial index stays partial");
            assertEquals(List.of("tr_post_score"), post.triggers());
            assertEquals(List.of("draft"), db.strings("SELECT DISTINCT state FROM post"), "values kept across the rename");
            if (kind == Kind.SQLITE) {
                assertEquals(List.of(), db.strings("SELECT * FROM pragma_foreign_key_check"));
                assertEquals(List.of(sequenceBefore), db.strings("SELECT seq FROM sqlite_sequence WHERE name = 'post'"));
                assertEquals(List.of("1"), db.strings("SELECT count(*) FROM post WHERE slug = 'SLUG-42'"), "NOCASE collation kept");
            }
            stillWorks(db, url, "state", "new");

            retort.downgrade("setup");
            assertEquals(OpRuns.unordered(before), OpRuns.unordered(OpRuns.catalog(db)), "catalog back as it was");
            assertEquals(rows.substring(0, rows.indexOf('|', rows.indexOf('|') + 1)),
                    db.strings(FINGERPRINT).get(0).substring(0, rows.indexOf('|', rows.indexOf('|') + 1)), "every post still there");
            stillWorks(db, url, "status", "draft");
        }
    }

    /** Triggers fire, the view answers, checks, defaults and foreign keys (in and out) hold. */
    private static void stillWorks(TestDatabase db, String url, String statusColumn, String statusDefault) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("DELETE FROM audit");
            s.executeUpdate("UPDATE post SET score = score + 1 WHERE id = 5");
            try (var r = s.executeQuery("SELECT count(*) FROM audit WHERE post_id = 5")) {
                r.next();
                assertEquals(1, r.getInt(1), "trigger on the table fires");
            }
            s.executeUpdate("UPDATE post SET rating = NULL WHERE id = 6");
            s.executeUpdate("INSERT INTO comment (post_id, text) VALUES (6, 'new')");
            try (var r = s.executeQuery("SELECT rating FROM post WHERE id = 6")) {
                r.next();
                assertEquals(1, r.getInt(1), "trigger on another table that names it fires");
            }
            try (var r = s.executeQuery("SELECT count(*) FROM post_by_author")) {
                r.next();
                assertEquals(POSTS, r.getInt(1), "the view answers");
            }
            s.executeUpdate("INSERT INTO post (author_id, title, slug) VALUES (1, 'fresh', 'fresh-slug')");
            try (var r = s.executeQuery("SELECT " + statusColumn + ", id FROM post WHERE slug = 'fresh-slug'")) {
                r.next();
                assertEquals(statusDefault, r.getString(1), "default applies");
                assertTrue(r.getLong(2) > POSTS, "numbering continues after the highest id");
            }
            s.executeUpdate("DELETE FROM post WHERE slug = 'fresh-slug'");
            refused(s, "UPDATE post SET score = -1 WHERE id = 1", "check");
            refused(s, "INSERT INTO comment (post_id, text) VALUES (" + (POSTS * 10) + ", 'orphan')", "foreign key into it");
            refused(s, "UPDATE post SET author_id = " + (AUTHORS * 10) + " WHERE id = 1", "foreign key out of it");
            refused(s, "INSERT INTO post (author_id, title, slug) VALUES (1, 'dup', 'slug-1')", "unique index");
        }
    }

    private static void refused(java.sql.Statement s, String sql, String what) {
        try {
            s.executeUpdate(sql);
        } catch (java.sql.SQLException expected) {
            return;
        }
        throw new AssertionError(what + " does not hold: the database accepted " + sql);
    }
}
