package dev.retort.graph;

import java.util.List;

/**
 * The ordered steps that move a database from its current version rows to a target, and the
 * rows it ends with. The runtime executes exactly these steps; an empty plan means the
 * database is already there.
 */
public record Plan(Direction direction, List<String> headsBefore, List<Step> steps, List<String> headsAfter) {

    public Plan {
        headsBefore = List.copyOf(headsBefore);
        steps = List.copyOf(steps);
        headsAfter = List.copyOf(headsAfter);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
