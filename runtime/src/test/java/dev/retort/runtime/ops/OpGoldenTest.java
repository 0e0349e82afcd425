package dev.retort.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.graph.Plan;
import dev.retort.runtime.dialect.Action;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.runtime.offline.ShadowSchema;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SQL of every op of the corpus on each dialect, without a database: PostgreSQL's straight
 * from the renderer, SQLite's through a shadow schema replayed from the case's setup (so table
 * rebuilds render too). The expected text is in {@code src/test/resources/golden/ops.<dialect>.sql};
 * after a deliberate change, rerun with {@code -Dretort.updateGolden=true} and read the diff.
 */
class OpGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyOpRendersAsRecorded(Kind kind) throws IOException {
        String dialectName = kind.dialect();
        var text = new StringBuilder();
        for (OpCase c : OpCases.all()) {
            if (!c.on().contains(kind)) {
                continue;
            }
            text.append("-- ").append(c.name()).append('\n');
            for (String statement : render(kind, c)) {
                text.append(statement).append(statement.startsWith("--") ? "\n" : ";\n");
            }
            text.append('\n');
        }
        Path file = GOLDEN.resolve("ops." + dialectName + ".sql");
        if (Boolean.getBoolean("retort.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), text.toString(),
                "rendered SQL differs from " + file + "; if the change is meant, rerun with -Dretort.updateGolden=true");
    }

    private static String offlineOrRefusal(Action.Live live) {
        try {
            return String.join("; ", live.offline());
        } catch (dev.retort.RetortException e) {
            return "refused";
        }
    }

    private static List<String> render(Kind kind, OpCase c) {
        MigrationSet set = MigrationSet.of(List.of(OpRuns.index(c)));
        Plan plan = set.graph().upgrade(List.of(OpRuns.SETUP), OpRuns.CHANGE);
        Dialect dialect = OpRuns.dialect(kind);
        RenderContext context = new RenderContext(c.naming(), true);
        if (kind == Kind.SQLITE) {
            try (var shadow = ShadowSchema.at(set, dialect, context, List.of(OpRuns.SETUP))) {
                return shadow.statements(plan, true).get(0);
            }
        }
        var statements = new ArrayList<String>();
        for (PreparedStep step : new StepPreparer(set, dialect, context).prepare(plan)) {
            for (Action action : step.actions()) {
                if (action instanceof Action.Code code) {
                    statements.add("-- run(\"" + code.description() + "\"): Java, run online only");
                } else if (action instanceof Action.Live live && kind == Kind.MARIADB) {
                    statements.add("-- " + live.description() + " (worked out on the database); offline: "
                            + offlineOrRefusal(live));
                } else {
                    statements.addAll(action.offline());
                }
            }
        }
        return statements;
    }
}
