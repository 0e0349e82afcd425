package dev.retort.graph;

import java.util.List;

/**
 * One migration to run, in one direction, with the version-table changes that record it.
 *
 * @param headsAfter the version table's rows once this step is done, in a stable order
 */
public record Step(String revision, Direction direction, List<RowChange> rowChanges, List<String> headsAfter) {

    public Step {
        rowChanges = List.copyOf(rowChanges);
        headsAfter = List.copyOf(headsAfter);
    }
}
