package dev.retort.runtime.offline;

import dev.retort.runtime.ops.PreparedStep;
import java.util.List;

/** A step with the statements that perform it, worked out without the database. */
public record RenderedStep(PreparedStep step, List<String> statements) {

    public RenderedStep {
        statements = List.copyOf(statements);
    }
}
