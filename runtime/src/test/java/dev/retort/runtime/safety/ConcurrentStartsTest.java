package dev.retort.runtime.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.runtime.testing.ChainMain;
import dev.retort.runtime.testing.Child;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Eight separate JVMs start at once and each runs {@code upgrade head} on the same database, as
 * eight instances of an application would: every one exits 0, each revision is applied exactly
 * once, and the database is at head. Repeated: 2 rounds on each database in the default build,
 * enough to catch a lock that does not hold; the soak profile ({@code runtime/soak}, or
 * {@code mvn -Psoak}) runs 200, and {@code -Dretort.soak.rounds=N} any number.
 */
class ConcurrentStartsTest {

    private static final int PROCESSES = 8;
    private static final int ROUNDS = Integer.getInteger("retort.soak.rounds", 2);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eightProcessesApplyEachRevisionOnce(Kind kind, @TempDir Path dir) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            try (var db = TestDatabase.create(kind, dir.resolve("round" + round))) {
                java.nio.file.Files.createDirectories(dir.resolve("round" + round));
                var children = new ArrayList<Child>();
                for (int p = 0; p < PROCESSES; p++) {
                    children.add(Child.start(ChainMain.class, dir.resolve("round" + round).resolve("child" + p + ".log"),
                            db.url(), "quick"));
                }
                int ran = 0;
                for (Child child : children) {
                    assertEquals(0, child.waitFor(120), () -> "round " + round(child) + ": " + output(child));
                    String out = child.output();
                    ran += Integer.parseInt(out.substring(out.lastIndexOf(" ran ") + 5).strip());
                }
                String rounds = kind + " round " + round;
                assertEquals(ChainMain.QUICK.size(), ran, rounds + ": the steps ran, summed over all processes");
                assertEquals(List.of("q3"), db.versionRows(), rounds);
                assertEquals(List.of("q1|1", "q2|1", "q3|1"), db.strings("SELECT revision || '|' || count(*) FROM"
                        + " retort_history WHERE direction = 'upgrade' GROUP BY revision ORDER BY revision"), rounds);
                assertEquals(List.of("ADA"), db.strings("SELECT name FROM account"), rounds + ": the data migration ran once");
            }
        }
    }

    private static String round(Child child) {
        return child.process().toString();
    }

    private static String output(Child child) {
        try {
            return child.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
