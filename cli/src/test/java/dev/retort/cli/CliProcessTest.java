package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.testing.Child;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The command line as its own process, where everything that reaches standard output and
 * standard error counts: the library's log and the PostgreSQL driver's (both java.util.logging)
 * too, which an in-process run does not capture.
 */
class CliProcessTest {

    private static final String SECRET = "Pr0cS3cret";

    /** A warning reaches the user once (the listener prints it; the log stays quiet), and an error is one line. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aWarningPrintsOnceAndAnErrorIsOneLine(Kind kind, @TempDir Path dir) throws Exception {
        var before = Fixtures.compile(dir.resolve("before"), Fixtures.migration("One", "w1000001")
                .upgrade("op.createTable(\"one\", t -> t.column(\"id\", BIGINT));").toString());
        var after = Fixtures.compile(dir.resolve("after"),
                Fixtures.migration("One", "w1000001").upgrade("op.createTable(\"one\", t -> t.column(\"id\", TEXT));")
                        .toString(),
                Fixtures.migration("Two", "w1000002").revises("w1000001").upgrade("op.addColumn(\"one\", \"x\", TEXT);")
                        .toString());
        try (var db = TestDatabase.create(kind, dir)) {
            assertEquals(0, run(dir, "one", "--classpath", before.classes().toString(), "--url", db.url(), "upgrade")
                    .exitCode());
            Result up = run(dir, "two", "--classpath", after.classes().toString(), "--url", db.url(), "upgrade");
            assertEquals(0, up.exitCode(), up.output());
            assertEquals(1, count(up.output(), "changed since it was applied"), up.output());

            Result bad = run(dir, "bad", "--classpath", after.classes().toString(), "--url", db.url(), "upgrade", "nope");
            assertEquals(2, bad.exitCode(), bad.output());
            assertEquals(List.of("retort: error: no revision matches 'nope'"), bad.output().lines().toList());
        }
    }

    /**
     * URLs that carry a password to the PostgreSQL driver and fail there: one line, and no
     * password, from Retort or from the driver's own logging.
     */
    @Test
    void theDriverLogsNothingAndNoPasswordReachesAnyStream(@TempDir Path dir) throws Exception {
        List<String> urls = List.of("jdbc:postgresql://127.0.0.1:1/db?user=u&password=" + SECRET,
                "jdbc:postgresql://127.0.0.1:1/db?password=" + SECRET + "&loginTimeout=abc",
                "jdbc:postgresql://127.0.0.1:1/db?password=" + SECRET + "&sslmode=bogus",
                "jdbc:postgresql://127.0.0.1:1/db?password=" + SECRET + "&options=%20",
                "postgresql://u:" + SECRET + "@127.0.0.1:1/db?connectTimeout=x");
        int n = 0;
        for (String url : urls) {
            for (String verbose : new String[] {"--url", "-v"}) {
                Result result = verbose.equals("-v")
                        ? run(dir, "url" + n++, "-v", "--classpath", dir.toString(), "--url", url, "current")
                        : run(dir, "url" + n++, "--classpath", dir.toString(), "--url", url, "current");
                assertEquals(1, result.exitCode(), url + ": " + result.output());
                assertFalse(result.output().contains(SECRET), url + ": " + result.output());
                if (!verbose.equals("-v")) {
                    assertEquals(1, result.output().strip().lines().count(), url + ": " + result.output());
                    assertTrue(result.output().startsWith("retort: error: cannot connect to jdbc:postgresql://127.0.0.1:1/db"),
                            url + ": " + result.output());
                }
            }
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path dir, String name, String... args) throws Exception {
        Child child = Child.start(Main.class, dir.resolve(name + ".log"), args);
        int code = child.waitFor(60);
        return new Result(code, Files.readString(dir.resolve(name + ".log")));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
