package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The graph's targets, listings and errors through the command line, on the branchy fixture chain. */
class GraphCommandsTest {

    @TempDir
    static Path fixtures;
    static String classes;

    @BeforeAll
    static void compile() {
        classes = Fixtures.compile(fixtures, dev.retort.runtime.ChainsAccess.branchy()).classes().toString();
    }

    private static Cli run(Path db, String... args) {
        var all = new ArrayList<>(List.of("--classpath", classes, "--url", "sqlite:///" + db));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void listings(@TempDir Path dir) {
        Path db = dir.resolve("g.db");
        assertEquals("extra1 (extra) (head)\nmerge1 (alpha, beta) (head) (mergepoint)\n", run(db, "heads").out());
        assertEquals("root01 (branchpoint)\n       -> alpha1 (alpha)\n       -> beta01 (beta)\n\n", run(db, "branches").out());
        String history = run(db, "history").out();
        // Alembic's order (checked with Alembic 1.20 on this graph): top-down from the heads in id order.
        assertEquals(List.of(
                "<base> (alpha1) -> extra1 (extra) (head), create t_extra1",
                "alpha2, beta02 -> merge1 (alpha, beta) (head) (mergepoint), merge alpha and beta",
                "alpha1 -> alpha2 (alpha), create t_alpha2",
                "root01 -> alpha1 (alpha), create t_alpha1",
                "beta01 -> beta02 (beta), create t_beta02",
                "root01 -> beta01 (beta), create t_beta01",
                "<base> -> root01 (branchpoint), create t_root01"), history.lines().toList());
        assertEquals(List.of("beta01 -> beta02 (beta), create t_beta02", "root01 -> beta01 (beta), create t_beta01"),
                run(db, "history", "-r", "beta01:beta02").out().lines().toList());
        String show = run(db, "show", "alpha").out();
        assertTrue(show.startsWith("Rev: alpha1\nParent: root01\nBranch names: alpha\nClass: fx.Alpha1\n\n    create t_alpha1\n"), show);
        assertTrue(run(db, "show", "heads").out().contains("Rev: merge1 (head) (mergepoint)\nMerges: alpha2, beta02\n"));
    }

    @Test
    void branchesMoveIndependently(@TempDir Path dir) {
        Path db = dir.resolve("g.db");
        assertEquals(0, run(db, "upgrade", "alpha@alpha2").exitCode());
        assertEquals(0, run(db, "upgrade", "beta@+1").exitCode());
        assertEquals("alpha2 (alpha)\nbeta01 (beta)\n", run(db, "current").out());
        Cli heads = run(db, "upgrade", "heads");
        assertTrue(heads.out().contains("[2/3] upgrade   alpha2, beta02 -> merge1, merge alpha and beta"), heads.toString());
        assertTrue(heads.out().endsWith("is now at extra1 (head), merge1 (head).\n"), heads.toString());
        assertEquals(0, run(db, "downgrade", "alpha1").exitCode());
        assertEquals("alpha1 (alpha)\nbeta02 (beta)\nextra1 (extra) (head)\n", run(db, "current").out(),
                "alpha1 has no row (extra1 implies it) but current shows it");
        assertEquals(List.of("alpha1 -> alpha2 (alpha), create t_alpha2", "root01 -> alpha1 (alpha) (current), create t_alpha1"),
                run(db, "history", "-i", "-r", "alpha1:alpha2").out().lines().toList());
        assertEquals(0, run(db, "downgrade", "beta@root01").exitCode());
        assertEquals("alpha1 (alpha)\nextra1 (extra) (head)\n", run(db, "current").out(), "only beta went");
        assertEquals(0, run(db, "downgrade", "beta@base").exitCode());
        assertEquals("base (no revision applied)\n", run(db, "current").out(),
                "beta shares its base with alpha, on which extra depends: all of it goes");
        Cli stamp = run(db, "stamp", "--purge", "heads");
        assertEquals(0, stamp.exitCode(), stamp.toString());
        assertTrue(stamp.out().contains("stamp     <base> -> extra1"), stamp.toString());
        assertEquals("extra1 (extra) (head)\nmerge1 (alpha, beta) (head) (mergepoint)\n", run(db, "current").out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "upgrade head                 | retort: error: the graph has several heads (extra1, merge1); give one of them,"
                + " 'heads' for all, or write a merge revision with 'retort merge'",
        "upgrade gamma@head           | retort: error: no branch 'gamma': it is neither a branch label nor a revision",
        "upgrade alpha@beta02         | retort: error: revision beta02 is not on branch 'alpha'",
        "upgrade alph                 | retort: error: 'alph' matches several revisions (alpha1, alpha2); type more of the id",
        "upgrade nope                 | retort: error: no revision matches 'nope'",
        "upgrade root01+9             | retort: error: 'root01+9' cannot choose at root01 between alpha1, beta01",
        "upgrade merge1+1             | retort: error: 'merge1+1' asks for 1 step but only 0 are possible from there",
        "downgrade -1                 | retort: error: '-1' asks for 1 step but only 0 are possible from there",
        "downgrade alpha2             | retort: error: cannot downgrade to alpha2: it is not applied",
        "downgrade +1                 | retort: error: '+1' is out of range for downgrade: a downgrade steps down (-N)",
        "upgrade a:b                  | retort: error: 'a:b' is not a valid target: a from:to range is not a single target",
        "history -r beta02:beta01     | retort: error: revision beta02 is not an ancestor of revision beta01",
        "stamp gamma@base             | retort: error: no branch 'gamma'",
        "show nope                    | retort: error: no revision matches 'nope'",
    })
    void badTargetsAreOneLineAndExitTwo(String command, String message, @TempDir Path dir) throws Exception {
        // An empty database: a downgrade of one that does not exist would say that instead.
        Cli cli = run(Files.createFile(dir.resolve("e.db")), command.strip().split(" "));
        assertEquals(2, cli.exitCode(), cli.toString());
        assertTrue(cli.err().startsWith(message.strip()), cli.toString());
        assertEquals(1, cli.err().strip().lines().count(), cli.toString());
        assertFalse(cli.err().contains("\tat "), cli.toString());
    }

    @Test
    void ambiguousUpgradeFromSeveralRevisions(@TempDir Path dir) {
        Path db = dir.resolve("g.db");
        run(db, "upgrade", "alpha@alpha1");
        run(db, "upgrade", "beta@beta01");
        Cli cli = run(db, "upgrade", "+1");
        assertEquals(2, cli.exitCode(), cli.toString());
        assertTrue(cli.err().startsWith("retort: error: '+1' is ambiguous: the database is at several revisions"
                + " (alpha1, beta01); name the branch, as in <label>@+1"), cli.toString());
        assertEquals(0, run(db, "upgrade", "alpha@+1").exitCode());
    }
}
