package dev.retort.runtime.ops;

import dev.retort.graph.Step;
import dev.retort.index.RevisionInfo;
import dev.retort.op.Op;
import dev.retort.runtime.dialect.Action;
import java.util.List;

/**
 * A step ready to run: what the migration recorded, the actions they render to, the checksum of
 * the ops, whether it runs statement by statement outside a transaction (its revision says
 * {@code transactional = false}, or it is rendered online-safe), and whether it is rendered
 * online-safe, whose statements are tried again when they time out waiting for a lock.
 */
public record PreparedStep(Step step, RevisionInfo revision, List<Op> ops, List<Action> actions, String checksum,
        boolean outsideTransaction, boolean onlineSafe) {

    public PreparedStep {
        ops = List.copyOf(ops);
        actions = List.copyOf(actions);
    }
}
