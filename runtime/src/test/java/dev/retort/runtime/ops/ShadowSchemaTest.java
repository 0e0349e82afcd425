package dev.retort.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.graph.Plan;
import dev.retort.runtime.Retort;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.runtime.offline.ShadowSchema;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL rendered without the database, from the schema earlier migrations replay, does on the real
 * database what running the migration online does: same catalog, same rows.
 */
class ShadowSchemaTest {

    static Stream<OpCase> sqliteCases() {
        return OpCases.all().stream().filter(c -> c.on().contains(Kind.SQLITE))
                .filter(c -> !c.name().startsWith("run:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sqliteCases")
    void replayedSqlDoesWhatTheOnlineRunDoes(OpCase c, @TempDir Path dir) throws Exception {
        var index = OpRuns.index(c);
        MigrationSet set = MigrationSet.of(List.of(index));
        Plan plan = set.graph().upgrade(List.of(OpRuns.SETUP), OpRuns.CHANGE);
        List<String> statements;
        try (var shadow = ShadowSchema.at(set, Dialects.named("sqlite"), new RenderContext(c.naming(), true),
                List.of(OpRuns.SETUP))) {
            statements = shadow.statements(plan, false).get(0);
        }
        try (var online = TestDatabase.sqlite(dir.resolve("online.db"));
                var offline = TestDatabase.sqlite(dir.resolve("offline.db"))) {
            Retort.configure().url(online.url()).indexes(List.of(index)).namingConvention(c.naming()).build()
                    .upgrade(OpRuns.CHANGE);
            Retort.configure().url(offline.url()).indexes(List.of(index)).namingConvention(c.naming()).build()
                    .upgrade(OpRuns.SETUP);
            try (Connection connection = offline.connect(); Statement s = connection.createStatement()) {
                s.execute("PRAGMA foreign_keys = OFF");
                connection.setAutoCommit(false);
                for (String sql : statements) {
                    s.execute(sql);
                }
                connection.commit();
            }
            assertEquals(withoutVersionTables(online.snapshot()), withoutVersionTables(offline.snapshot()));
            if (c.rows() != null) {
                c.rows().check(offline);
            }
        }
    }

    @Test
    void javaCannotBePrinted() {
        var c = OpCases.all().stream().filter(k -> k.name().startsWith("run:")).findFirst().orElseThrow();
        MigrationSet set = MigrationSet.of(List.of(OpRuns.index(c)));
        Plan plan = set.graph().upgrade(List.of(OpRuns.SETUP), OpRuns.CHANGE);
        try (var shadow = ShadowSchema.at(set, Dialects.named("sqlite"), RenderContext.defaults(), List.of(OpRuns.SETUP))) {
            var e = assertThrows(RetortException.class, () -> shadow.statements(plan, false));
            assertEquals(ErrorCode.UNSUPPORTED_OP, e.code());
            assertEquals("revision change: run(\"number the notes\") is Java code, which offline SQL cannot print; run this revision online",
                    e.getMessage());
        }
    }

    /** The version rows differ (the offline copy stays at setup); the schema must not. */
    private static String withoutVersionTables(String snapshot) {
        return snapshot.lines().filter(l -> !l.contains("retort_")).reduce("", (a, b) -> a + b + "\n");
    }
}
