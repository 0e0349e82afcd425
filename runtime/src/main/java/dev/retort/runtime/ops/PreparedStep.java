package dev.retort.runtime.ops;

import dev.retort.graph.Step;
import dev.retort.index.RevisionInfo;
import dev.retort.op.Op;
import java.util.List;

/**
 * A step ready to run: what the migration recorded, the statements they render to, and the
 * checksum of the ops.
 */
public record PreparedStep(Step step, RevisionInfo revision, List<Op> ops, List<String> statements, String checksum) {

    public PreparedStep {
        ops = List.copyOf(ops);
        statements = List.copyOf(statements);
    }
}
