package dev.retort.cli.safety;

import static dev.retort.cli.safety.BadInputCorpus.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A generated corpus of malformed command lines ({@link BadInputCorpus}: targets, empty option
 * values and flags given values, offline requests spelled wrong, malformed URLs with a password,
 * control characters) given to the command line against a database at its first revision, on
 * SQLite and on PostgreSQL. Each must be answered with one line on standard error, exit code 2,
 * no stack trace, no password, no control character, no file written, and the database as it
 * was: byte for byte (SQLite), or the same catalog, version rows and history (PostgreSQL).
 * The seed is printed; {@code -Dretort.fuzz.seed=N} replays one.
 */
class BadInputFuzzTest {

    private static final long SEED = Long.getLong("retort.fuzz.seed", 20261122L);

    /**
     * The default build runs every third command line of the corpus on SQLite and every tenth on
     * PostgreSQL (each kind of input is still there several times over, and the parsing is the
     * same on both databases); the soak profile ({@code -Dretort.fuzz.full=true}) runs them all.
     */
    private static final boolean FULL = Boolean.getBoolean("retort.fuzz.full");

    @BeforeAll
    static void printSeed() {
        System.out.println("BadInputFuzzTest seed " + SEED + " (replay: -Dretort.fuzz.seed=" + SEED + ")");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyMalformedInputIsOneLineExitTwoAndChangesNothing(Kind kind, @TempDir Path dir) throws Exception {
        var chain = Fixtures.compile(dir.resolve("classes"),
                Fixtures.migration("First", "qa000001").upgrade("op.createTable(\"one\", t -> t.column(\"id\", BIGINT));")
                        .toString(),
                Fixtures.migration("Second", "qa000002").revises("qa000001")
                        .upgrade("op.addColumn(\"one\", \"name\", TEXT);").toString());
        Path work = Files.createDirectories(dir.resolve("work"));
        try (var db = TestDatabase.create(kind, dir); Connection watcher = db.connect()) {
            String cp = chain.classes().toString();
            assertEquals(0, Cli.run("--classpath", cp, "--url", db.url(), "upgrade", "qa000001").exitCode());
            String snapshot = db.snapshot();
            String before = state(db, watcher);
            var random = new Random(SEED);
            var failures = new ArrayList<String>();
            int cases = 0;
            int step = FULL ? 1 : kind == Kind.SQLITE ? 3 : 10;
            List<Case> corpus = corpus(cp, db.url(), random, kind == Kind.SQLITE ? 120 : 60);
            for (int i = 0; i < corpus.size(); i += step) {
                Case c = corpus.get(i);
                Cli cli = Cli.in(work, c.environment(), "", c.args().toArray(String[]::new));
                cases++;
                String problem = problem(cli);
                if (problem == null && !state(db, watcher).equals(before)) {
                    problem = "the database changed";
                }
                if (problem == null && !listing(work).isEmpty()) {
                    problem = "a file was written: " + listing(work);
                }
                if (problem != null) {
                    failures.add(problem + " for " + c + ":\n" + cli);
                    if (failures.size() > 5) {
                        break;
                    }
                }
            }
            assertEquals(List.of(), failures, "seed " + SEED);
            assertTrue(cases >= 2000 / step, "corpus of " + cases);
            assertEquals(snapshot, db.snapshot(), "the catalog");
            assertEquals(List.of("qa000001"), db.versionRows());
        }
    }

    /**
     * Credentials in URLs that parse but reach no server: the message names the database and the
     * driver's cause, and never the password, with or without {@code --verbose} (whose stack
     * trace carries the driver's own messages).
     */
    @Test
    void aConnectionFailureShowsTheDatabaseAndTheCauseButNoPassword(@TempDir Path dir) {
        for (String url : BadInputCorpus.unreachableUrls()) {
            for (boolean verbose : new boolean[] {false, true}) {
                var args = new ArrayList<>(List.of("--classpath", dir.toString(), "--url", url, "current"));
                if (verbose) {
                    args.add(0, "-v");
                }
                Cli cli = Cli.in(dir, Map.of(), "", args.toArray(String[]::new));
                assertEquals(1, cli.exitCode(), cli.toString());
                String first = cli.err().lines().findFirst().orElse("");
                assertTrue(first.startsWith("retort: error: cannot connect to jdbc:postgresql://127.0.0.1:1/db"),
                        url + ": " + cli);
                assertTrue(first.contains("refused"), "the driver's cause is kept: " + cli);
                assertFalse((cli.out() + cli.err()).contains(SECRET), url + ": " + cli);
                if (!verbose) {
                    assertEquals(1, cli.err().strip().lines().count(), cli.toString());
                }
            }
        }
    }

    @Test
    void theJavaApiAnswersMalformedConfigurationAndTargetsWithBadInputErrors(@TempDir Path dir) throws Exception {
        var chain = Fixtures.compile(dir.resolve("classes"),
                Fixtures.migration("First", "qb000001").upgrade("op.createTable(\"one\", t -> t.column(\"id\", BIGINT));")
                        .toString());
        try (var db = TestDatabase.create(Kind.SQLITE, dir)) {
            Retort good = Retort.configure().url(db.url()).classLoader(chain.loader()).build();
            good.upgrade("head");
            String before = hash(db.file());
            var random = new Random(SEED);
            var cases = new ArrayList<Consumer<Void>>();
            for (String target : BadInputCorpus.targets(random, 150)) {
                cases.add(v -> good.upgrade(target));
                cases.add(v -> good.downgrade(target));
            }
            for (String url : BadInputCorpus.malformedUrls(random, 100)) {
                cases.add(v -> Retort.configure().url(url).build());
            }
            for (String name : List.of("", " ", "x".repeat(70), "a\u0000b")) {
                cases.add(v -> Retort.configure().url(db.url()).versionTable(name).build());
                cases.add(v -> Retort.configure().url(db.url()).historyTable(name).build());
                cases.add(v -> Retort.configure().url(db.url()).schema(name).build());
            }
            cases.add(v -> Retort.configure().url(db.url()).versionTable("v".repeat(60) + "_version").build());
            cases.add(v -> Retort.configure().url(db.url()).lockTimeout(Duration.ofSeconds(-1)).build());
            cases.add(v -> Retort.configure().build());
            cases.add(v -> Retort.configure().url(db.url()).versionTable("same").historyTable("same").build());
            cases.add(v -> Retort.configure().dataSource(new org.sqlite.SQLiteDataSource()).url(db.url()).build());
            cases.add(v -> Retort.configure().dataSource(new org.sqlite.SQLiteDataSource()).user("u").build());
            cases.add(v -> good.stamp(List.of("nowhere1"), false));
            cases.add(v -> good.stamp(List.of(), false));
            for (Consumer<Void> c : cases) {
                try {
                    c.accept(null);
                    fail("accepted a malformed input (case " + cases.indexOf(c) + ")");
                } catch (RetortException e) {
                    assertEquals(2, e.code().exitCode(), e.code() + ": " + e.getMessage());
                    assertFalse(e.getMessage().contains("\n"), e.getMessage());
                    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
                }
            }
            assertTrue(cases.size() >= 400, "cases: " + cases.size());
            assertEquals(before, hash(db.file()));
        }
    }

    /** One command line, with the environment it runs in. */
    private record Case(List<String> args, Map<String, String> environment) {
        @Override
        public String toString() {
            return args + (environment.isEmpty() ? "" : " with " + environment);
        }
    }

    private static List<Case> corpus(String cp, String url, Random random, int targets) {
        var corpus = new ArrayList<Case>();
        List<String> base = List.of("--classpath", cp, "--url", url);
        for (String target : BadInputCorpus.targets(random, targets)) {
            for (List<String> line : List.of(List.of("upgrade", target), List.of("downgrade", target),
                    List.of("stamp", target), List.of("show", target), List.of("upgrade", "--sql", target))) {
                corpus.add(with(base, line));
            }
            // "-r :" is the whole history, and a relative end of a range stops at the graph's edge, as in Alembic.
            if (!target.matches(".*[+-]\\d+")) {
                corpus.add(with(base, List.of("history", "-r", target + ":" + target)));
            }
        }
        BadInputCorpus.emptyValues().forEach(line -> corpus.add(with(base, line)));
        BadInputCorpus.offlineSpellings().forEach(line -> corpus.add(with(base, line)));
        BadInputCorpus.urlsInTheWrongPlace(random).forEach(line -> corpus.add(with(base, line)));
        for (String entry : List.of("postgresql://u:" + SECRET + "@127.0.0.1/db", "jdbc:sqlite:x.db?password=" + SECRET)) {
            corpus.add(new Case(List.of("--url", url, "--classpath", entry, "heads"), Map.of()));
        }
        for (List<String> line : BadInputCorpus.controlCharacters()) {
            corpus.add(with(line.contains("--classpath") ? List.of("--url", url) : base, line));
        }
        for (String u : BadInputCorpus.malformedUrls(random, 120)) {
            for (List<String> line : List.of(List.of("upgrade"), List.of("current"), List.of("downgrade", "base"),
                    List.of("stamp", "base"))) {
                corpus.add(with(List.of("--classpath", cp, "--url", u), line));
            }
            if (!u.isBlank()) {
                corpus.add(new Case(List.of("--classpath", cp, "upgrade"), Map.of("DATABASE_URL", u)));
                corpus.add(new Case(List.of("--classpath", cp, "current"), Map.of("RETORT_URL", u)));
            }
        }
        for (String value : List.of("-1", "abc", "1e9", "99999999999", "1.5", "0x10", "86401", "--", "\u0661")) {
            corpus.add(with(base, List.of("--lock-timeout", value, "upgrade")));
        }
        for (String value : List.of("both", "ALL", "per_migration", "none", "per-migrations")) {
            corpus.add(with(base, List.of("--transaction-mode", value, "upgrade")));
        }
        for (String value : List.of("foo", "Alembic", "none", "database,alembic", "pk_%(table_name)s")) {
            corpus.add(with(base, List.of("--naming-convention", value, "upgrade")));
        }
        for (int i = 0; i < 60; i++) {
            String option = "--" + BadInputCorpus.word(random, 1 + random.nextInt(12));
            corpus.add(with(base, List.of("upgrade", option)));
            corpus.add(with(base, List.of(option, "current")));
        }
        Stream.of(List.<String>of(), List.of("upgrad"), List.of("downgrade"), List.of("stamp"), List.of("show"),
                List.of("history", "-r"), List.of("history", "-r", "a:b:c"), List.of("history", "-r", "::"),
                List.of("downgrade", "--sql", "qa000001"), List.of("downgrade", "--sql", ":base"),
                List.of("upgrade", "--sql", "base:"), List.of("upgrade", "--sql", "a:b:c"),
                List.of("upgrade", "--dialect", "postgresql"), List.of("upgrade", "--sql", "--dialect", "oracle"),
                List.of("stamp", "--purge"), List.of("upgrade", "head", "extra"), List.of("validate", "--strict", "x"),
                List.of("heads", "x"), List.of("current", "--sql"), List.of("--version-table", "x".repeat(80), "current"),
                List.of("upgrade", "--url"), List.of("upgrade", "--url", "--sql"))
                .forEach(shape -> corpus.add(with(base, shape)));
        corpus.add(new Case(List.of("--classpath", cp + "/nowhere.jar", "--url", url, "upgrade"), Map.of()));
        corpus.add(new Case(List.of("--url", url, "upgrade"), Map.of()));
        corpus.add(new Case(List.of(), Map.of()));
        return corpus;
    }

    private static Case with(List<String> base, List<String> more) {
        var args = new ArrayList<>(base);
        args.addAll(more);
        return new Case(args, Map.of());
    }

    /** Why this answer is wrong, or null when it is right. */
    private static String problem(Cli cli) {
        if (cli.exitCode() != 2) {
            return "exit " + cli.exitCode();
        }
        String err = cli.err().strip();
        if (err.isEmpty() || err.lines().count() != 1 || !err.startsWith("retort: ")) {
            return "not one line on stderr";
        }
        if (err.chars().anyMatch(BadInputFuzzTest::isControl)) {
            return "a control character on stderr";
        }
        String all = cli.out() + cli.err();
        if (all.contains("\tat ") || all.contains("Exception")) {
            return "a stack trace or exception name";
        }
        if (all.contains(SECRET)) {
            return "the password shown";
        }
        return null;
    }

    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || c == 0x2028 || c == 0x2029;
    }

    /** What a malformed command must leave alone: the SQLite file's bytes, or PostgreSQL's columns and Retort's rows. */
    private static String state(TestDatabase db, Connection connection) throws Exception {
        if (db.kind() == Kind.SQLITE) {
            return hash(db.file());
        }
        if (db.kind() == Kind.MARIADB) {
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT CONCAT_WS(';',"
                    + " (SELECT GROUP_CONCAT(CONCAT(TABLE_NAME, '.', COLUMN_NAME) ORDER BY TABLE_NAME, COLUMN_NAME)"
                    + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()),"
                    + " (SELECT GROUP_CONCAT(version_num) FROM retort_version), (SELECT count(*) FROM retort_history))")) {
                r.next();
                return r.getString(1);
            }
        }
        // pg_catalog, not information_schema: the same columns, read in a tenth of the time, and
        // this runs after each of some 2,000 command lines.
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT (SELECT"
                + " string_agg(c.relname || '.' || a.attname, ',' ORDER BY c.relname, a.attname)"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v', 'm', 'p', 'f')"
                + " AND a.attnum > 0 AND NOT a.attisdropped)"
                + " || ';' || (SELECT string_agg(version_num, ',') FROM retort_version)"
                + " || ';' || (SELECT count(*) FROM retort_history)")) {
            r.next();
            return r.getString(1);
        }
    }

    private static List<Path> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static String hash(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
