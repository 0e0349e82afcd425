package dev.retort.runtime;

import dev.retort.graph.Direction;
import java.time.Duration;
import java.util.List;

/**
 * One step that ran.
 *
 * @param from what the step moved from: an upgrade's parents (empty for a base), a downgrade's
 *     revision, the rows a stamp replaced
 * @param to what it moved to: an upgrade's revision, a downgrade's parents (empty: base), a
 *     stamp's destination
 * @param headsAfter the version table's rows once the step was done
 */
public record StepResult(String revision, String message, Direction direction, List<String> from, List<String> to,
        List<String> headsAfter, int statements, Duration duration) {

    public StepResult {
        from = List.copyOf(from);
        to = List.copyOf(to);
        headsAfter = List.copyOf(headsAfter);
    }
}
