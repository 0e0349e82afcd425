package dev.retort.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexCodecTest {

    @Test
    void everyFieldRoundTrips() {
        var revisions = List.of(
                new RevisionInfo("base1", List.of(), "create\tusers\nand messages \\ \u001e done", List.of("core"),
                        List.of(), true, "db.Base"),
                new RevisionInfo("merge1", List.of("a", "b"), "", List.of(), List.of("core", "x1"), false, "db.Outer$Merge"));
        assertEquals(revisions, IndexCodec.decode(IndexCodec.encode(revisions).toArray(String[]::new)));
    }

    @Test
    void textHasNoNewlineSoTheGeneratedLiteralStaysOneLiteral() {
        String text = IndexCodec.encode(List.of(RevisionInfo.of("a1").withMessage("two\nlines"))).get(0);
        assertFalse(text.contains("\n"));
    }

    @Test
    void largeIndexesAreCutIntoConstantsThatFitAClassFile() {
        var revisions = new ArrayList<RevisionInfo>();
        for (int i = 0; i < 5000; i++) {
            revisions.add(new RevisionInfo("r" + i, i == 0 ? List.of() : List.of("r" + (i - 1)), "message ü " + i, List.of(),
                    List.of(), true, "db.M" + i));
        }
        List<String> chunks = IndexCodec.encode(revisions);
        assertTrue(chunks.size() > 1);
        for (String chunk : chunks) {
            assertTrue(chunk.length() <= IndexCodec.CHUNK_CHARS, "at most " + IndexCodec.CHUNK_CHARS + " characters");
        }
        assertEquals(revisions, IndexCodec.decode(chunks.toArray(String[]::new)));
    }

    /** Read from the text as the graph defines them: no other revision revises a head; depending on one does not count. */
    @Test
    void headsComeFromTheTextAsTheGraphHasThem() {
        var revisions = List.of(
                new RevisionInfo("base1", List.of(), "tabs\tand \u001e in\nthe message", List.of("core"), List.of(), true, "db.A"),
                new RevisionInfo("b2", List.of("base1"), "", List.of(), List.of(), true, "db.B"),
                new RevisionInfo("c3", List.of("base1"), "", List.of(), List.of("b2"), true, "db.C"),
                new RevisionInfo("m4", List.of("b2", "c3"), "", List.of(), List.of(), true, "db.M"),
                new RevisionInfo("other1", List.of(), "", List.of(), List.of("m4"), true, "db.O"));
        assertEquals(List.of("m4", "other1"), IndexCodec.heads(IndexCodec.encode(revisions).toArray(String[]::new)));
        assertEquals(dev.retort.graph.RevisionGraph.of(revisions).heads(),
                IndexCodec.heads(IndexCodec.encode(revisions).toArray(String[]::new)));

        var chain = new ArrayList<RevisionInfo>();
        for (int i = 0; i < 3000; i++) {
            chain.add(new RevisionInfo("r" + i, i == 0 ? List.of() : List.of("r" + (i - 1)), "message " + i, List.of(),
                    List.of(), true, "db.M" + i));
        }
        List<String> chunks = IndexCodec.encode(chain);
        assertTrue(chunks.size() > 1, "a head read across constants");
        assertEquals(List.of("r2999"), IndexCodec.heads(chunks.toArray(String[]::new)));
        assertEquals(List.of(), IndexCodec.heads(IndexCodec.encode(List.of()).toArray(String[]::new)));
    }
}
