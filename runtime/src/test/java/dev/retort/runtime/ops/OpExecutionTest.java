package dev.retort.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.runtime.Retort;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every op of the corpus, run on real SQLite and real PostgreSQL: the catalog read back shows what
 * the op says, the rows are right, and a reversible op downgraded leaves the catalog as it was.
 */
class OpExecutionTest {

    static Stream<Arguments> cases() {
        return Stream.of(Kind.values()).flatMap(kind -> OpCases.all().stream()
                .filter(c -> c.on().contains(kind))
                .map(c -> Arguments.of(kind, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void runsReadsBackAndReverses(Kind kind, OpCase c, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(OpRuns.index(c)))
                    .namingConvention(c.naming()).build();
            retort.upgrade(OpRuns.SETUP);
            Catalog before = OpRuns.catalog(db);

            retort.upgrade(OpRuns.CHANGE);
            new CatalogExpectations(kind, c.naming()).verify(OpRuns.recorded(c.change()), OpRuns.catalog(db));
            if (c.rows() != null) {
                c.rows().check(db);
            }

            if (c.roundTrip()) {
                retort.downgrade(OpRuns.SETUP);
                assertEquals(OpRuns.unordered(before), OpRuns.unordered(OpRuns.catalog(db)), "catalog after the downgrade");
            }
        }
    }
}
