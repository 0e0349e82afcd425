package dev.retort.cli.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The seeds' convenience commands: info, status, backup, reset; JSON; where settings come from. */
class DatabaseCommandsTest {

    @TempDir
    static Path classes;
    static Fixtures.Compiled chain;

    @BeforeAll
    static void compile() {
        chain = Fixtures.compile(classes,
                Fixtures.migration("Users", "d1000001").message("users").upgrade("op.createTable(\"users\", t -> t"
                        + ".column(\"id\", BIGINT, c -> c.primaryKey()).column(\"name\", TEXT));").toString(),
                Fixtures.migration("Seed", "d1000002").revises("d1000001").message("seed")
                        .upgrade("op.execute(\"INSERT INTO users VALUES (1, 'ada')\", \"DELETE FROM users WHERE id = 1\");")
                        .toString());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void infoAndStatusSayWhereTheDatabaseStands(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            cli(db, dir, "", "upgrade", "d1000001");
            String info = cli(db, dir, "", "info").out();
            assertTrue(info.contains("Dialect:       " + (kind.dialect())), info);
            assertTrue(info.contains("Current:       d1000001\n"), info);
            assertTrue(info.contains("Pending:       1 of 2 revisions"), info);
            String status = cli(db, dir, "", "status", "--json").out().strip();
            assertTrue(status.endsWith("\"heads\":[\"d1000002\"],\"pending\":[{\"revision\":\"d1000002\",\"revises\":"
                    + "[\"d1000001\"],\"dependsOn\":[],\"branchLabels\":[],\"message\":\"seed\",\"head\":true,\"branchPoint\""
                    + ":false,\"mergePoint\":false,\"current\":false,\"transactional\":true,\"className\":\"fx.Seed\"}],"
                    + "\"upToDate\":false}"), status);
            String current = cli(db, dir, "", "current", "--json").out();
            assertTrue(current.contains("\"current\":[{\"revision\":\"d1000001\""), current);
            assertTrue(cli(db, dir, "", "history", "--json").out().startsWith("{\"revisions\":[{\"revision\":\"d1000002\""));
            assertEquals("{\"heads\":[", cli(db, dir, "", "heads", "--json").out().substring(0, 10));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void resetAsksFirstThenStartsOver(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            cli(db, dir, "", "upgrade");
            db.execute("INSERT INTO users VALUES (2, 'grace')");

            Cli no = run(db, dir, "no\n", "reset");
            assertEquals(1, no.exitCode(), no.toString());
            assertEquals("retort: error: reset cancelled; nothing was changed\n", no.err());
            assertEquals(List.of("1", "2"), db.strings("SELECT id FROM users ORDER BY id"));
            Cli silent = run(db, dir, "", "reset");
            assertEquals(2, silent.exitCode(), "no answer at all: " + silent);

            Cli yes = cli(db, dir, "yes\n", "reset");
            assertTrue(yes.out().contains("Type yes to go on:"), yes.toString());
            assertEquals(List.of("1"), db.strings("SELECT id FROM users ORDER BY id"), "the hand-made row is gone");
            assertEquals(List.of("d1000002"), db.versionRows());
            cli(db, dir, "", "reset", "--yes");
            assertEquals(List.of("1"), db.strings("SELECT id FROM users ORDER BY id"));
        }
    }

    @Test
    void backupCopiesASqliteDatabase(@TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(Kind.SQLITE, dir)) {
            cli(db, dir, "", "upgrade");
            Path copy = dir.resolve("copy.db");
            String out = cli(db, dir, "", "backup", "--to", "copy.db").out();
            assertTrue(out.startsWith("Backed up "), out);
            try (var backup = TestDatabase.sqlite(copy)) {
                assertEquals(List.of("ada"), backup.strings("SELECT name FROM users"));
                assertEquals(List.of("d1000002"), backup.versionRows());
            }
            Cli again = run(db, dir, "", "backup", "--to", "copy.db");
            assertEquals(1, again.exitCode(), again.toString());
            assertTrue(again.err().contains("exists; Retort does not overwrite files"), again.toString());
            String named = cli(db, dir, "", "backup").out();
            assertTrue(named.matches("(?s)Backed up .* to .*test\\.db\\.\\d{8}-\\d{6}\\.bak\\.\\n"), named);
        }
    }

    @Test
    void backupDumpsAPostgresSchemaWithPgDump(@TempDir Path dir) throws Exception {
        try (var db = TestDatabase.postgres()) {
            cli(db, dir, "", "upgrade");
            Cli cli = run(db, dir, "", "backup", "--to", "dump.sql");
            if (cli.exitCode() == 1 && cli.err().contains("needs pg_dump on the PATH")) {
                assertFalse("true".equals(System.getenv("CI")), "CI installs postgresql-client: " + cli);
                return;
            }
            assertEquals(0, cli.exitCode(), cli.toString());
            String dump = Files.readString(dir.resolve("dump.sql"));
            assertTrue(dump.contains("CREATE TABLE " + db.schema() + ".users"), dump.substring(0, Math.min(2000, dump.length())));
            assertTrue(dump.contains("d1000002"), "the version table comes along");
        }
    }

    /**
     * The password reaches pg_dump from whichever form of URL carried it (a JDBC URL's
     * {@code password=}, or {@code user:password@}), in its environment and never its arguments.
     * A stand-in pg_dump records what it was given; the real one then dumps with the same URL.
     */
    @Test
    void backupGivesPgDumpThePasswordOfEveryUrlForm(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("fake_pg_dump");
        Files.writeString(fake, "#!/bin/sh\nprintf '%s\\n' \"PGPASSWORD=$PGPASSWORD\" \"$@\" > \"$0.log\"\n"
                + "while [ $# -gt 0 ]; do if [ \"$1\" = -f ]; then echo '-- a dump' > \"$2\"; fi; shift; done\n");
        assertTrue(fake.toFile().setExecutable(true));
        try (var db = TestDatabase.postgres()) {
            cli(db, dir, "", "upgrade");
            String jdbc = db.url().replace("?user=postgres&", "?user=postgres&password=Dump%2FPw&");
            String sqlalchemy = "postgresql://postgres:Dump%2FPw@127.0.0.1:5432/test?currentSchema=" + db.schema();
            // libpq's Unix-socket form: pg_dump gets the socket's directory as its host, as libpq reads it.
            String socket = "postgresql:///test?host=/var/run/postgresql&user=postgres&password=Dump%2FPw&currentSchema="
                    + db.schema();
            int n = 0;
            for (String url : List.of(jdbc, sqlalchemy, socket)) {
                String to = "fake" + n++ + ".sql";
                Cli cli = Cli.in(dir, Map.of(), "", "--classpath", chain.classes().toString(), "--url", url, "backup",
                        "--to", to, "--pg-dump", fake.toString());
                assertEquals(0, cli.exitCode(), url + ": " + cli);
                List<String> given = Files.readAllLines(dir.resolve("fake_pg_dump.log"));
                assertEquals("PGPASSWORD=Dump/Pw", given.get(0), url);
                String host = url.equals(socket) ? "/var/run/postgresql" : "127.0.0.1";
                assertTrue(given.containsAll(List.of("--no-password", "-h", host, "-p", "5432", "-d", "test",
                        "-U", "postgres", "-n", db.schema())), url + ": " + given);
                assertFalse(String.join(" ", given.subList(1, given.size())).contains("Dump"), "not in its arguments");
                assertFalse((cli.out() + cli.err()).contains("Dump/Pw") || (cli.out() + cli.err()).contains("Dump%2FPw"),
                        cli.toString());
            }
            Cli real = Cli.in(dir, Map.of(), "", "--classpath", chain.classes().toString(), "--url", jdbc, "backup",
                    "--to", "real.sql");
            if (real.err().contains("needs pg_dump on the PATH")) {
                assertFalse("true".equals(System.getenv("CI")), "CI installs postgresql-client: " + real);
                return;
            }
            assertEquals(0, real.exitCode(), real.toString());
            assertTrue(Files.readString(dir.resolve("real.sql")).contains("d1000002"));
        }
    }

    @Test
    void settingsComeFromOptionsThenEnvironmentThenTheFile(@TempDir Path dir) throws Exception {
        try (var fromOption = TestDatabase.sqlite(dir.resolve("option.db"));
                var fromEnv = TestDatabase.sqlite(dir.resolve("env.db"));
                var fromFile = TestDatabase.sqlite(dir.resolve("file.db"))) {
            Files.writeString(dir.resolve("retort.properties"), "url=sqlite:///file.db\nclasspath="
                    + chain.classes().toString().replace("\\", "\\\\") + "\npassword=Pr0pSecret\n");
            assertEquals(0, Cli.in(dir, Map.of(), "", "upgrade", "d1000001").exitCode(), "from the file, relative to it");
            assertEquals(List.of("d1000001"), fromFile.versionRows());
            assertEquals(0, Cli.in(dir, Map.of("DATABASE_URL", "sqlite:///env.db"), "", "upgrade").exitCode());
            assertEquals(List.of("d1000002"), fromEnv.versionRows());
            assertEquals(0, Cli.in(dir, Map.of("DATABASE_URL", "sqlite:///env.db", "RETORT_URL", fromOption.url()), "",
                    "upgrade").exitCode(), "RETORT_URL before DATABASE_URL");
            assertEquals(List.of("d1000002"), fromOption.versionRows());
            Cli option = Cli.in(dir, Map.of("RETORT_URL", "sqlite:///env.db"), "", "--url", "sqlite:///file.db", "current");
            assertEquals("d1000001\n", option.out(), "the option before the environment");

            Cli secret = Cli.in(dir, Map.of("RETORT_PASSWORD", "EnvS3cret"), "", "--url",
                    "postgresql://me@host.invalid:5432/db", "--lock-timeout", "1", "current");
            assertEquals(1, secret.exitCode(), secret.toString());
            assertFalse((secret.out() + secret.err()).contains("EnvS3cret"), secret.toString());
            assertFalse((secret.out() + secret.err()).contains("Pr0pSecret"), secret.toString());

            Files.writeString(dir.resolve("retort.properties"), "url=sqlite:///file.db\nurll=typo\n");
            Cli typo = Cli.in(dir, Map.of(), "", "current");
            assertEquals(2, typo.exitCode(), typo.toString());
            assertTrue(typo.err().startsWith("retort: error: retort.properties has unknown key(s) [urll]; the keys are "),
                    typo.toString());
        }
    }

    private static Cli cli(TestDatabase db, Path dir, String stdin, String... args) {
        Cli cli = run(db, dir, stdin, args);
        assertEquals(0, cli.exitCode(), () -> String.join(" ", args) + "\n" + cli);
        return cli;
    }

    private static Cli run(TestDatabase db, Path dir, String stdin, String... args) {
        var all = new java.util.ArrayList<>(List.of("--classpath", chain.classes().toString(), "--url", db.url()));
        all.addAll(List.of(args));
        return Cli.in(dir, Map.of(), stdin, all.toArray(String[]::new));
    }
}
