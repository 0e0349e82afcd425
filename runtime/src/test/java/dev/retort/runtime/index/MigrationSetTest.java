package dev.retort.runtime.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.ErrorCode;
import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.graph.GraphException;
import dev.retort.index.EncodedIndex;
import dev.retort.index.IndexCodec;
import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import dev.retort.runtime.Retort;
import dev.retort.runtime.testing.InlineIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sole head a start at head is checked against, known without building the graph, and when it is not. */
class MigrationSetTest {

    /** What the processor generates: the revisions as the codec's text. */
    private static final class Generated extends EncodedIndex {
        Generated(RevisionInfo... revisions) {
            super("", "", IndexCodec.encode(List.of(revisions)).toArray(String[]::new));
        }

        @Override
        public Migration newMigration(int position) {
            throw new UnsupportedOperationException("no migration is created here");
        }
    }

    private static final RevisionInfo A = RevisionInfo.of("a1");
    private static final RevisionInfo B = RevisionInfo.of("b2", "a1");
    private static final RevisionInfo C = RevisionInfo.of("c3", "b2");

    @Test
    void oneGeneratedIndexWithOneHead() {
        MigrationSet set = MigrationSet.of(List.of(new Generated(A, B, C)));
        assertEquals("c3", set.soleHead());
        assertEquals(List.of("c3"), set.graph().heads());
        assertEquals("c3", set.soleHead(), "the same once the graph is built");
    }

    @Test
    void theGraphIsBuiltAndCheckedOnlyWhenUsed() {
        // The processor never writes this (it revises a revision nobody declares); the set trusts
        // a generated index at its head, and checks it the moment anything needs the graph.
        MigrationSet set = MigrationSet.of(List.of(new Generated(A, RevisionInfo.of("b2", "zz"))));
        assertNull(set.soleHead(), "a1 and b2 are both heads");
        MigrationSet broken = MigrationSet.of(List.of(new Generated(RevisionInfo.of("b2", "zz"))));
        assertEquals("b2", broken.soleHead());
        assertThrows(GraphException.class, broken::graph);
    }

    @Test
    void noSoleHeadWhenThereAreSeveral() {
        var branch = RevisionInfo.of("d4", "a1");
        assertNull(MigrationSet.of(List.of(new Generated(A, B, branch))).soleHead());
        // A revision others only depend on is still a head.
        var dependent = RevisionInfo.of("e5").withDependsOn("a1");
        assertNull(MigrationSet.of(List.of(new Generated(A, dependent))).soleHead());
    }

    @Test
    void severalIndexesOrAHandWrittenOneAreAlwaysChecked() {
        List<MigrationIndex> two = List.of(new Generated(A, B), new Generated(C));
        assertNull(MigrationSet.of(two).soleHead());
        Migration none = op -> { };
        var inline = new InlineIndex().add(A, none).add(B, none);
        assertNull(MigrationSet.of(List.of(inline)).soleHead());
        assertEquals(List.of("b2"), MigrationSet.of(List.of(inline)).graph().heads());
    }

    /** A graph that needs checking is checked before any connection, as it always was: no file is created. */
    @Test
    void aBrokenGraphIsRefusedBeforeConnecting(@TempDir Path dir) {
        Migration none = op -> { };
        var broken = new InlineIndex().add(A, none).add(RevisionInfo.of("b2", "zz"), none);
        Path file = dir.resolve("app.db");
        Retort retort = Retort.configure().url("sqlite:///" + file).indexes(List.of(broken)).build();
        var e = assertThrows(GraphException.class, retort::migrations);
        assertEquals(ErrorCode.MISSING_REVISION, e.code());
        assertThrows(GraphException.class, () -> retort.upgrade("head"));
        assertEquals(false, Files.exists(file), "nothing was connected to");
        // On PostgreSQL too: a server that is not there is never reached, so the graph's error is the one shown.
        Retort postgres = Retort.configure().url("jdbc:postgresql://127.0.0.1:1/none?user=postgres")
                .indexes(List.of(broken)).build();
        assertEquals(ErrorCode.MISSING_REVISION, assertThrows(GraphException.class, () -> postgres.upgrade("head")).code());
    }

    /** Text that does not decode is the jar's fault, said as when the index could not be loaded at all. */
    @Test
    void anUnreadableIndexIsABadConfiguration() {
        for (String text : List.of("garbage\u001e", "no terminator", "a1\t\t\t\t1\tdb.A\tmessage")) {
            var index = new EncodedIndex("", "", text) {
                @Override
                public Migration newMigration(int position) {
                    throw new UnsupportedOperationException();
                }
            };
            var e = assertThrows(RetortException.class, () -> MigrationSet.of(List.of(index)).requireAny(), text);
            assertEquals(ErrorCode.BAD_CONFIGURATION, e.code(), text);
            assertEquals(true, e.getMessage().contains("cannot be loaded") && e.getMessage().contains("rebuild the jar"),
                    e.getMessage());
        }
    }
}
