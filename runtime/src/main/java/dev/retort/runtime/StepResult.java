package dev.retort.runtime;

import dev.retort.graph.Direction;
import java.time.Duration;
import java.util.List;

/**
 * One step that ran.
 *
 * @param from the version rows the step started from (empty at base)
 * @param headsAfter the version rows once it was done
 */
public record StepResult(String revision, String message, Direction direction, List<String> from,
        List<String> headsAfter, int statements, Duration duration) {

    public StepResult {
        from = List.copyOf(from);
        headsAfter = List.copyOf(headsAfter);
    }
}
