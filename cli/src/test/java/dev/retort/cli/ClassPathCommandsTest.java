package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graph problems that only the class path given at run time can cause: a missing jar, two jars with one id. */
class ClassPathCommandsTest {

    @Test
    void libraryAndApplicationOnTheClassPathFormOneGraph(@TempDir Path dir) {
        var lib = Fixtures.compile(dir.resolve("lib"), Fixtures.migration("lib", "LibBase", "lib00001").message("lib base")
                .upgrade("op.execute(\"SELECT 1\", \"SELECT 1\");").toString());
        var app = Fixtures.compile(dir.resolve("app"), List.of(lib.classes()),
                Fixtures.migration("app", "AppOnTop", "app00001").revises("lib00001").message("app on top")
                        .upgrade("op.execute(\"SELECT 2\", \"SELECT 2\");").toString());
        String both = lib.classes() + File.pathSeparator + app.classes();
        Cli history = Cli.run("--classpath", both, "history");
        assertEquals("lib00001 -> app00001 (head), app on top\n<base> -> lib00001, lib base\n", history.out(), history.toString());

        Cli missing = Cli.run("--classpath", app.classes().toString(), "heads");
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().startsWith("retort: error: the migration index dev.retort.generated.RetortIndex_lib_"),
                missing.toString());
        assertTrue(missing.err().endsWith(", whose revisions another index's revise or depend on, is not on the class"
                + " path; add the jar or module that has its migrations\n"), missing.toString());
    }

    @Test
    void twoJarsDeclaringOneIdAreRefused(@TempDir Path dir) {
        var one = Fixtures.compile(dir.resolve("one"), Fixtures.migration("one", "First", "same0001").message("one")
                .upgrade("").toString());
        var two = Fixtures.compile(dir.resolve("two"), Fixtures.migration("two", "Second", "same0001").message("two")
                .upgrade("").toString());
        Cli cli = Cli.run("--classpath", one.classes() + File.pathSeparator + two.classes(), "heads");
        assertEquals(2, cli.exitCode(), cli.toString());
        assertTrue(cli.err().startsWith("retort: error: revision id same0001 is declared more than once (one.First,"
                + " two.Second); give each revision its own id"), cli.toString());
    }
}
