package dev.retort.runtime.autogen;

import dev.retort.op.Op;
import java.util.List;

/**
 * One op of a generated migration, with the notes a reviewer must read before applying it (data
 * it loses, a rename it may be), written as comments above it.
 */
public record Difference(Op op, List<String> notes) {

    public Difference {
        notes = List.copyOf(notes);
    }

    static Difference of(Op op, String... notes) {
        return new Difference(op, List.of(notes));
    }
}
