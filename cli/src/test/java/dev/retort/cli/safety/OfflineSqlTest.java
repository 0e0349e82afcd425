package dev.retort.cli.safety;

import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ServerDefault.now;
import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.BOOLEAN;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.TIMESTAMP_TZ;
import static dev.retort.schema.SqlType.enumOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.index.RevisionInfo;
import dev.retort.op.SqlText;
import dev.retort.runtime.Retort;
import dev.retort.runtime.TransactionMode;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.testing.ChainMain;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Offline scripts, applied with {@code psql} and {@code sqlite3}, make the same schema, version
 * table and history as the online run; downgrade and stamp scripts too.
 */
class OfflineSqlTest {

    /** Tables, a foreign key, an enum, a SQLite rebuild, a non-transactional index, a view, data. */
    static InlineIndex chain() {
        return new InlineIndex()
                .add("o1", null, op -> {
                    op.createEnum("status", "new", "done");
                    op.createTable("author", t -> t
                            .column("id", BIGINT, c -> c.primaryKey().identity())
                            .column("name", TEXT, c -> c.notNull()));
                    op.createTable("post", t -> t
                            .column("id", BIGINT, c -> c.primaryKey().identity())
                            .column("author_id", BIGINT, c -> c.notNull().references("author", "id").onDelete(CASCADE))
                            .column("status", enumOf("status", "new", "done"), c -> c.notNull().serverDefault("new"))
                            .column("body", TEXT));
                    op.bulkInsert("author", r -> r.columns("name").row("ada").row("grace"));
                })
                .add("o2", "o1", op -> {
                    op.addColumn("post", "published", BOOLEAN, c -> c.notNull().serverDefault(false));
                    // MySQL restates a column from the catalog, which a script cannot read: it says so (MysqlOfflineTest).
                    op.only(List.of("postgresql", "sqlite"), o -> o.alterColumn("post", "body", a -> a.notNull()
                            .existingNullable(true)));
                    op.only("mysql", o -> o.execute("ALTER TABLE post MODIFY COLUMN body LONGTEXT NOT NULL",
                            "ALTER TABLE post MODIFY COLUMN body LONGTEXT NULL"));
                    op.addColumn("post", "created_at", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now()));
                    op.execute(SqlText.of("UPDATE author SET name = upper(name)"), SqlText.of("UPDATE author SET name = lower(name)"));
                })
                .add(new RevisionInfo("o3", List.of("o2"), "index", List.of(), List.of(), false, ""),
                        op -> op.createIndex("ix_post_author", "post", i -> i.columns("author_id").concurrently()))
                .add("o4", "o3", op -> op.createView("post_titles", "SELECT p.id, a.name FROM post p JOIN author a ON a.id"
                        + " = p.author_id"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void scriptsAppliedWithTheClientsMatchTheOnlineRun(Kind kind, @TempDir Path dir) throws Exception {
        for (TransactionMode mode : TransactionMode.values()) {
            if (kind == Kind.MARIADB && mode == TransactionMode.ALL) {
                var e = assertThrows(RetortException.class, () -> Retort.configure().url("mysql://nobody@host.invalid/db")
                        .indexes(List.of(chain())).transactionMode(mode).build().upgradeSql(List.of(), "head", null));
                assertEquals(ErrorCode.BAD_OPTION, e.code(), "a script cannot hold MySQL's DDL in a transaction either");
                continue;
            }
            Path here = dir.resolve(mode.label());
            Files.createDirectories(here.resolve("online"));
            Files.createDirectories(here.resolve("offline"));
            try (var online = TestDatabase.create(kind, here.resolve("online"));
                    var offline = TestDatabase.create(kind, here.resolve("offline"))) {
                Retort.configure().url(online.url()).indexes(List.of(chain())).transactionMode(mode).build().upgrade("head");
                Retort generator = Retort.configure().url(offline.url()).indexes(List.of(chain())).transactionMode(mode).build();

                String up = generator.upgradeSql(List.of(), "head", null);
                apply(offline, up, here.resolve("up.sql"));
                assertEquals(catalog(online), catalog(offline), mode + ": the schema");
                assertEquals(online.versionRows(), offline.versionRows(), mode + ": the version table");
                String history = "SELECT revision || ' ' || direction || ' ' || checksum FROM retort_history ORDER BY id";
                assertEquals(online.strings(history), offline.strings(history), mode + ": the history, checksums included");
                assertEquals(List.of("ADA", "GRACE"), offline.strings("SELECT name FROM author ORDER BY id"));

                // Down to o1 and back up from there: scripts that start at a given revision.
                String down = generator.downgradeSql(List.of("o4"), "o1", null);
                apply(offline, down, here.resolve("down.sql"));
                Retort.configure().url(online.url()).indexes(List.of(chain())).build().downgrade("o1");
                assertEquals(catalog(online), catalog(offline), mode + ": after the downgrade script");
                assertEquals(List.of("o1"), offline.versionRows());

                apply(offline, generator.upgradeSql(List.of("o1"), "head", null), here.resolve("up2.sql"));
                Retort.configure().url(online.url()).indexes(List.of(chain())).build().upgrade("head");
                assertEquals(catalog(online), catalog(offline), mode + ": up again from o1");

                apply(offline, generator.stampSql(List.of("o4"), List.of("o2"), false, null), here.resolve("stamp.sql"));
                assertEquals(List.of("o2"), offline.versionRows(), "stamp script");
            }
        }
    }

    @Test
    void theScriptHasTheTransactionsOfTheOnlineRun() {
        Retort retort = Retort.configure().url("sqlite:///unused.db").indexes(List.of(chain())).build();
        String perMigration = retort.upgradeSql(List.of(), "head", "postgresql");
        assertEquals(4, count(perMigration, "BEGIN;\n"), "o1, o2, o4 in their own; o3's version row in its own");
        assertTrue(perMigration.contains("\nCREATE INDEX CONCURRENTLY \"ix_post_author\""), perMigration);
        int index = perMigration.indexOf("CREATE INDEX CONCURRENTLY");
        assertTrue(perMigration.lastIndexOf("COMMIT;", index) > perMigration.lastIndexOf("BEGIN;", index),
                "CONCURRENTLY outside any transaction:\n" + perMigration);
        assertTrue(perMigration.startsWith("-- Retort "), perMigration);
        assertTrue(perMigration.contains("CREATE TABLE \"retort_version\""), "the version table's DDL when starting at base");

        String all = Retort.configure().url("sqlite:///unused.db").indexes(List.of(chain())).transactionMode(TransactionMode.ALL)
                .build().upgradeSql(List.of(), "head", "postgresql");
        assertEquals(3, count(all, "BEGIN;\n"), "o1+o2, o3's row, o4:\n" + all);

        String sqlite = retort.upgradeSql(List.of(), "head", null);
        String o2 = sqlite.substring(sqlite.indexOf("-- upgrade o2"), sqlite.indexOf("-- upgrade o3"));
        assertTrue(o2.startsWith("-- upgrade o2\nPRAGMA foreign_keys = OFF;\nBEGIN;\n"), o2);
        assertEquals(1, count(o2, "CREATE TABLE \"_retort_tmp_post\""), "one rebuild, rendered on the replayed schema:\n" + o2);
        assertTrue(sqlite.contains("CHECK (\"status\" IN ('new', 'done'))"), sqlite);
    }

    @Test
    void aJavaDataMigrationCannotBePrintedAndIsNamed() {
        Retort retort = Retort.configure().url("sqlite:///unused.db").indexes(List.of(ChainMain.longChain())).build();
        for (String dialect : List.of("postgresql", "sqlite")) {
            var e = assertThrows(RetortException.class, () -> retort.upgradeSql(List.of(), "head", dialect));
            assertEquals(ErrorCode.UNSUPPORTED_OP, e.code());
            assertEquals("revision l2: run(\"fill 200,000 items\") is Java code, which offline SQL cannot print; run this"
                    + " revision online", e.getMessage());
        }
    }

    @Test
    void theCommandLinePrintsScriptsWithoutConnecting(@TempDir Path dir) {
        var chain = dev.retort.runtime.testing.Fixtures.compile(dir.resolve("classes"),
                dev.retort.runtime.testing.Fixtures.migration("First", "s1000001")
                        .upgrade("op.createTable(\"one\", t -> t.column(\"id\", BIGINT));").toString(),
                dev.retort.runtime.testing.Fixtures.migration("Second", "s1000002").revises("s1000001")
                        .upgrade("op.addColumn(\"one\", \"name\", TEXT);").toString());
        String cp = chain.classes().toString();
        // A host that does not exist: the script must come without any connection.
        String nowhere = "postgresql://nobody@host.invalid:5432/db";
        var up = dev.retort.cli.testing.Cli.run("--classpath", cp, "--url", nowhere, "upgrade", "--sql");
        assertEquals(0, up.exitCode(), up.toString());
        assertTrue(up.out().contains("ALTER TABLE \"one\" ADD \"name\" text NULL;"), up.toString());
        var down = dev.retort.cli.testing.Cli.run("--classpath", cp, "--dialect", "sqlite", "downgrade", "--sql",
                "s1000002:base");
        assertEquals(2, down.exitCode(), "--dialect belongs to the command: " + down);
        down = dev.retort.cli.testing.Cli.run("--classpath", cp, "downgrade", "--sql", "--dialect", "sqlite",
                "s1000002:base");
        assertEquals(0, down.exitCode(), down.toString());
        assertTrue(down.out().contains("DROP TABLE \"one\";"), down.toString());
        assertTrue(down.out().contains("DELETE FROM \"retort_version\" WHERE version_num = 's1000001';"), down.toString());
        var stamp = dev.retort.cli.testing.Cli.run("--classpath", cp, "stamp", "--sql", "--dialect", "postgresql", "head");
        assertEquals(0, stamp.exitCode(), stamp.toString());
        assertTrue(stamp.out().contains("INSERT INTO \"retort_version\" (version_num) VALUES ('s1000002');"), stamp.toString());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static Catalog catalog(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return Dialects.named(db.kind().dialect()).introspect(c, null);
        }
    }

    /**
     * An online-safe script runs with psql as it is: the steps that build indexes CONCURRENTLY and
     * validate constraints stand outside any BEGIN, up and down, including inside only(…) and
     * batchAlterTable(…) blocks.
     */
    @Test
    void anOnlineSafeScriptRunsWithPsqlUpAndDown(@TempDir Path dir) throws Exception {
        var index = new InlineIndex()
                .add("s1", null, op -> {
                    op.createTable("parents", t -> t.column("id", BIGINT, c -> c.primaryKey()));
                    op.createTable("items", t -> t.column("id", BIGINT, c -> c.primaryKey()).column("parent_id", BIGINT)
                            .column("code", TEXT).column("qty", BIGINT));
                    op.execute("INSERT INTO parents VALUES (1)");
                    op.execute("INSERT INTO items VALUES (1, 1, 'a', 1), (2, 1, 'b', 2)");
                })
                .add(RevisionInfo.of("s2", "s1"), op -> {
                    op.createIndex("ix_items_qty", "items", "qty");
                    op.only("postgresql", o -> o.addConstraint("items", c -> c.foreignKey("parent_id")
                            .references("parents", "id")));
                    op.batchAlterTable("items", b -> b.addConstraint(c -> c.check("qty >= 0")));
                    op.addConstraint("items", c -> c.unique("code"));
                    op.alterColumn("items", "code", a -> a.notNull().existingNullable(true));
                });
        try (var db = TestDatabase.postgres()) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index))
                    .onlineSafe(java.time.Duration.ofSeconds(2)).build();
            String up = retort.upgradeSql(List.of(), "head", null);
            assertTrue(up.contains("CREATE INDEX CONCURRENTLY \"ix_items_qty\"") && up.contains("NOT VALID")
                    && up.contains("VALIDATE CONSTRAINT \"fk_items_parent_id_parents\""), up);
            apply(db, up, dir.resolve("up.sql"));
            assertEquals(List.of("s2"), db.versionRows());
            assertEquals(List.of("true"), db.strings("SELECT bool_and(convalidated)::text FROM pg_constraint"
                    + " WHERE conrelid = 'items'::regclass"));
            assertEquals(List.of("true"), db.strings("SELECT bool_and(indisvalid)::text FROM pg_index"
                    + " WHERE indrelid = 'items'::regclass"));
            String down = retort.downgradeSql(List.of("s2"), "s1", null);
            assertTrue(down.contains("DROP INDEX CONCURRENTLY"), down);
            apply(db, down, dir.resolve("down.sql"));
            assertEquals(List.of("s1"), db.versionRows());
            assertEquals(List.of("items_pkey"), db.strings("SELECT indexname FROM pg_indexes WHERE tablename = 'items'"
                    + " AND schemaname = current_schema()").stream().map(n -> n.replace("pk_items", "items_pkey")).toList());
        }
    }

    /** Runs the script with the database's own client, stopping at the first error. */
    static void apply(TestDatabase db, String script, Path file) throws Exception {
        Files.writeString(file, script);
        var command = new ArrayList<String>();
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (db.kind() == Kind.SQLITE) {
            command.addAll(List.of(client("sqlite3"), "-bail", db.file().toString()));
            builder.redirectInput(file.toFile());
        } else if (db.kind() == Kind.MARIADB) {
            Matcher m = Pattern.compile("jdbc:mariadb://([^:/]+)(?::(\\d+))?/.*").matcher(db.url());
            if (!m.matches()) {
                fail("cannot read the host from " + db.url());
            }
            command.addAll(List.of(client("mariadb"), "-h", m.group(1), "-P", m.group(2) == null ? "3306" : m.group(2),
                    "-u", "root", db.schema()));
            builder.redirectInput(file.toFile());
        } else {
            Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)\\?(.*)").matcher(TestDatabase.pgUrl());
            if (!m.matches()) {
                fail("cannot read host and database from " + TestDatabase.pgUrl());
            }
            command.addAll(List.of(client("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", m.group(1), "-p",
                    m.group(2) == null ? "5432" : m.group(2), "-d", m.group(3), "-f", file.toString()));
            for (String parameter : m.group(4).split("&")) {
                String[] kv = parameter.split("=", 2);
                if (kv[0].equals("user")) {
                    command.addAll(List.of("-U", kv[1]));
                } else if (kv[0].equals("password")) {
                    builder.environment().put("PGPASSWORD", kv[1]);
                }
            }
            builder.environment().put("PGOPTIONS", "-c search_path=" + db.schema());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), "the client refused the script:\n" + output + "\n--- script\n" + script);
    }

    private static String client(String name) {
        for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        String message = name + " is not on the PATH; .ci/run installs it";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " -- CI=true, so this fails rather than skips");
        }
        System.err.println("\n!!!!! SKIPPING: " + message + " !!!!!\n");
        Assumptions.abort(message);
        return name;
    }
}
