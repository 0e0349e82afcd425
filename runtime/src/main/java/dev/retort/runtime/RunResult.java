package dev.retort.runtime;

import dev.retort.graph.Direction;
import java.util.List;

/**
 * What an upgrade or downgrade did.
 *
 * @param headsBefore the version rows before the run (empty at base)
 * @param headsAfter the version rows after it
 */
public record RunResult(Direction direction, List<String> headsBefore, List<String> headsAfter, List<StepResult> steps) {

    public RunResult {
        headsBefore = List.copyOf(headsBefore);
        headsAfter = List.copyOf(headsAfter);
        steps = List.copyOf(steps);
    }

    /** True when the database was already at the target. */
    public boolean nothingToDo() {
        return steps.isEmpty();
    }
}
