package dev.retort.runtime.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus of malformed targets, options, URLs and configurations, given to the command
 * line and to the Java API against a database at its first revision. Each must be answered with
 * one line, exit code 2 (or RetortException with a code whose exit code is 2), no stack trace, no
 * password, and the database file byte for byte as it was.
 */
class BadInputFuzzTest {

    private static final String SECRET = "S3cr3tPw";
    private static final String PUNCTUATION = "!#$%^&*()[]{}<>?/\\|~`'\",;= \t.";
    private static final long SEED = Long.getLong("retort.fuzz.seed", 20261122L);

    @Test
    void everyMalformedInputIsOneLineExitTwoAndNoWrite(@TempDir Path dir) throws Exception {
        var chain = Fixtures.compile(dir.resolve("classes"),
                Fixtures.migration("First", "qa000001").upgrade("op.createTable(\"one\", t -> t.column(\"id\", BIGINT));")
                        .toString(),
                Fixtures.migration("Second", "qa000002").revises("qa000001")
                        .upgrade("op.addColumn(\"one\", \"name\", TEXT);").toString());
        try (var db = TestDatabase.create(Kind.SQLITE, dir)) {
            String cp = chain.classes().toString();
            assertEquals(0, Cli.run("--classpath", cp, "--url", db.url(), "upgrade", "qa000001").exitCode());
            String before = hash(db.file());

            List<List<String>> corpus = corpus(cp, db.url(), new Random(SEED));
            assertTrue(corpus.size() >= 1000, "corpus of " + corpus.size());
            var failures = new ArrayList<String>();
            for (List<String> args : corpus) {
                Cli cli = Cli.run(args.toArray(String[]::new));
                String problem = problem(cli);
                if (problem == null && !hash(db.file()).equals(before)) {
                    problem = "the database file changed";
                }
                if (problem != null) {
                    failures.add(problem + " for " + args + ":\n" + cli);
                    if (failures.size() > 5) {
                        break;
                    }
                }
            }
            assertEquals(List.of(), failures, "seed " + SEED);
            assertEquals(List.of("qa000001"), db.versionRows());
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
            for (String target : targets(random, 150)) {
                cases.add(v -> good.upgrade(target));
                cases.add(v -> good.downgrade(target));
            }
            for (String url : urls(random, 60)) {
                cases.add(v -> Retort.configure().url(url).build());
            }
            for (String name : List.of("", " ", "x".repeat(70), "a\u0000b")) {
                cases.add(v -> Retort.configure().url(db.url()).versionTable(name).build());
                cases.add(v -> Retort.configure().url(db.url()).historyTable(name).build());
                cases.add(v -> Retort.configure().url(db.url()).schema(name).build());
            }
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
            assertTrue(cases.size() >= 300, "cases: " + cases.size());
            assertEquals(before, hash(db.file()));
        }
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
        String all = cli.out() + cli.err();
        if (all.contains("\tat ") || all.contains("Exception")) {
            return "a stack trace or exception name";
        }
        if (all.contains(SECRET)) {
            return "the password shown";
        }
        return null;
    }

    private static List<List<String>> corpus(String cp, String url, Random random) {
        var corpus = new ArrayList<List<String>>();
        List<String> base = List.of("--classpath", cp, "--url", url);
        for (String target : targets(random, 120)) {
            corpus.add(with(base, "upgrade", target));
            corpus.add(with(base, "downgrade", target));
            corpus.add(with(base, "stamp", target));
            corpus.add(with(base, "show", target));
            // "-r :" is the whole history, and a relative end of a range stops at the graph's edge, as in Alembic.
            if (!target.isBlank() && !target.matches(".*[+-]\\d+")) {
                corpus.add(with(base, "history", "-r", target + ":" + target));
            }
            corpus.add(with(base, "upgrade", "--sql", target));
        }
        for (String u : urls(random, 120)) {
            corpus.add(List.of("--classpath", cp, "--url", u, "upgrade"));
            corpus.add(List.of("--classpath", cp, "--url", u, "current"));
        }
        for (String value : List.of("-1", "abc", "1e9", "99999999999", "", " ", "1.5", "0x10", "86401", "--", "\u0661")) {
            corpus.add(with(base, "--lock-timeout", value, "upgrade"));
        }
        for (String value : List.of("both", "ALL", "per_migration", "", "none", "per-migrations")) {
            corpus.add(with(base, "--transaction-mode", value, "upgrade"));
        }
        for (int i = 0; i < 60; i++) {
            String option = "--" + word(random, 1 + random.nextInt(12));
            corpus.add(with(base, "upgrade", option));
            corpus.add(with(base, option, "current"));
        }
        List<List<String>> shapes = List.of(
                List.of("upgrad"), List.of("downgrade"), List.of("stamp"), List.of("show"),
                List.of("history", "-r"), List.of("history", "-r", "a:b:c"), List.of("history", "-r", "::"),
                List.of("downgrade", "--sql", "qa000001"), List.of("downgrade", "--sql", ":base"),
                List.of("upgrade", "--sql", "base:"), List.of("upgrade", "--sql", "a:b:c"),
                List.of("upgrade", "--dialect", "postgresql"), List.of("upgrade", "--sql", "--dialect", "mysql"),
                List.of("upgrade", "--sql", "--dialect", ""), List.of("stamp", "--purge"),
                List.of("upgrade", "head", "extra"), List.of("validate", "--strict", "x"), List.of("heads", "x"),
                List.of("current", "--sql"), List.of("--version-table", "", "current"),
                List.of("--version-table", "x".repeat(80), "current"));
        for (List<String> shape : shapes) {
            var args = new ArrayList<>(base);
            args.addAll(shape);
            corpus.add(args);
        }
        corpus.add(List.of("--classpath", cp + "/nowhere.jar", "--url", url, "upgrade"));
        corpus.add(List.of("--classpath", "", "--url", url, "upgrade"));
        return corpus;
    }

    /** Targets no graph resolves: punctuation, unknown ids, broken relative forms, labels that do not exist. */
    private static List<String> targets(Random random, int count) {
        // Surrounding whitespace is ignored ("head " is head), so it makes no target malformed by itself.
        var targets = new ArrayList<String>(List.of("", " ", "\t", "+", "++1", "+1+", "head+x",
                "@", "@@", "x@", "head@head", "nolabel@head", "nolabel@+1", "+99", "qa000001+99",
                "base+x", "heads@", "0", "-", "x".repeat(10_000), "ü", "日本", "a\u0000b", "HEAD", "Head", "base@",
                "qa0000", "qa000009", "qa00000z", "1e3", "+1.5", "+0x1", "heads+1+1"));
        while (targets.size() < count) {
            switch (random.nextInt(3)) {
                case 0 -> {
                    var s = new StringBuilder();
                    for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
                        s.append(random.nextBoolean() ? PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()))
                                : (char) ('A' + random.nextInt(26)));
                    }
                    targets.add(s.toString());
                }
                case 1 -> targets.add("0" + HexFormat.of().toHexDigits(random.nextLong()).substring(0, 11)); // no such id
                default -> targets.add(word(random, 3) + "@" + (random.nextBoolean() ? "head" : "+" + random.nextInt(5)));
            }
        }
        return targets;
    }

    private static List<String> urls(Random random, int count) {
        var urls = new ArrayList<String>(List.of("", " ", "://", "postgresql://", "postgresql:///db",
                "postgresql://u:" + SECRET + "@host:notaport/db", "postgresql://u:" + SECRET + "@host:70000/db",
                "postgresql://u:" + SECRET + "@host:5432", "postgresql://u:" + SECRET + "@host:5432/",
                "postgresql+asyncpg://u:" + SECRET + "@:5432/db", "mysql://u:" + SECRET + "@host/db",
                "jdbc:mysql://host/db?password=" + SECRET, "jdbc:", "jdbc:foo:bar", "sqlite:/x.db", "sqlite:x.db",
                "sqlite://relative.db", "file:///tmp/x.db", "x.db", "mongodb://u:" + SECRET + "@h/db"));
        while (urls.size() < count) {
            switch (random.nextInt(4)) {
                case 0 -> urls.add(word(random, 2 + random.nextInt(6)) + "://u:" + SECRET + "@h" + random.nextInt(100) + "/db");
                case 1 -> urls.add("jdbc:" + word(random, 3 + random.nextInt(5)) + "://h/db?password=" + SECRET);
                case 2 -> urls.add("postgresql://u:" + SECRET + "@host:" + word(random, 1 + random.nextInt(4)) + "/db");
                default -> urls.add(word(random, 1 + random.nextInt(10)).replace('a', '/'));
            }
        }
        return urls;
    }

    /** Lowercase letters, never spelling a supported scheme (those start with p, s or j). */
    private static String word(Random random, int length) {
        var s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(9))); // a..i
        }
        return s.toString();
    }

    private static List<String> with(List<String> base, String... more) {
        var args = new ArrayList<>(base);
        args.addAll(List.of(more));
        return args;
    }

    private static String hash(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
