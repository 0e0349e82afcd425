package dev.retort.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * The version table's rows while a plan is made, changed step by step exactly as Alembic's
 * {@code HeadMaintainer} changes the table: one row per current head, a revision's row standing
 * on its parents and the dependencies no ancestor implies (its normalized parents).
 *
 * <p>Applying revision {@code r} replaces the rows among its normalized parents (none: an insert;
 * one: an update; several: a merge, deleting all but the last). Reverting it brings back those of
 * its normalized parents that no other row implies (with no other row, those that no other of
 * them implies): none, a delete; one, an update; several, an update and inserts.
 */
final class VersionRows {

    private final RevisionGraph graph;
    private final List<Integer> rows = new ArrayList<>();

    /** @throws GraphException.UnknownCurrentRevision for a row the graph does not have */
    VersionRows(RevisionGraph graph, Collection<String> currentRows) {
        this.graph = graph;
        for (String id : currentRows) {
            if (!graph.contains(id)) {
                throw new GraphException.UnknownCurrentRevision(id);
            }
            int p = graph.position(id);
            if (!rows.contains(p)) {
                rows.add(p);
            }
        }
        rows.sort(null);
    }

    /** The rows by position, in the order they were taken and changed. */
    List<Integer> positions() {
        return rows;
    }

    boolean contains(int position) {
        return rows.contains(position);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** One step: the row changes it makes, and the rows after it. */
    Step step(int revision, Direction direction) {
        List<RowChange> changes = direction == Direction.UPGRADE ? apply(revision) : revert(revision);
        return new Step(graph.id(revision), direction, changes, ids());
    }

    /**
     * {@link #step}, for a caller that chose the step itself: refused when the revision is
     * already applied (up) or is not one of the rows (down).
     */
    Step checkedStep(int revision, Direction direction) {
        String id = graph.id(revision);
        if (direction == Direction.DOWNGRADE && !rows.contains(revision)) {
            throw new GraphException.InvalidTarget(id, "a downgrade step takes back one of the rows (" + String.join(", ",
                    ids()) + "), and " + id + " is none of them");
        }
        if (direction == Direction.UPGRADE && graph.edges().closure(set()).get(revision)) {
            throw new GraphException.InvalidTarget(id, id + " is already applied at " + String.join(", ", ids()));
        }
        return step(revision, direction);
    }

    /** A plan running {@code order} from these rows. */
    Plan run(Direction direction, int[] order) {
        List<String> before = ids();
        var steps = new ArrayList<Step>(order.length);
        for (int revision : order) {
            steps.add(step(revision, direction));
        }
        return new Plan(direction, before, steps, ids());
    }

    /** Removes a row, as a stamp to base does. */
    RowChange delete(int row) {
        rows.remove(Integer.valueOf(row));
        return new RowChange.Delete(graph.id(row));
    }


    private List<RowChange> apply(int revision) {
        var replaced = new ArrayList<Integer>();
        for (int down : downRevisions(revision)) {
            if (rows.contains(down) && !replaced.contains(down)) {
                replaced.add(down);
            }
        }
        return replace(replaced, revision);
    }

    /** {@code revision} takes the place of the {@code replaced} rows: an insert, an update, or a merge. */
    List<RowChange> replace(List<Integer> replaced, int revision) {
        var changes = new ArrayList<RowChange>();
        if (replaced.isEmpty()) {
            rows.add(revision);
            changes.add(new RowChange.Insert(graph.id(revision)));
            return changes;
        }
        for (int i = 0; i < replaced.size() - 1; i++) {
            rows.remove(replaced.get(i));
            changes.add(new RowChange.Delete(graph.id(replaced.get(i))));
        }
        int last = replaced.get(replaced.size() - 1);
        rows.set(rows.indexOf(last), revision);
        changes.add(new RowChange.Update(graph.id(last), graph.id(revision)));
        return changes;
    }

    /**
     * As Alembic's {@code HeadMaintainer} takes a revision off: its row goes back to those of its
     * parents and dependencies that no other row implies (with no other row, those no other of
     * them implies). None left: the row is deleted; one: updated; several: updated to one and the
     * others inserted.
     */
    private List<RowChange> revert(int revision) {
        int at = rows.indexOf(revision);
        int[] down = downRevisions(revision);
        var implied = new BitSet(graph.size());
        if (rows.size() > 1) {
            rows.stream().filter(r -> r != revision).forEach(implied::set);
            implied = graph.edges().closure(implied);
        } else if (down.length > 1) { // one parent alone is implied by nothing else
            for (int d : down) {
                BitSet below = graph.edges().closure(graph.bit(d));
                below.clear(d);
                implied.or(below);
            }
        }
        var restored = new ArrayList<Integer>();
        for (int d : down) {
            if (!implied.get(d)) {
                restored.add(d);
            }
        }
        var changes = new ArrayList<RowChange>();
        if (restored.isEmpty()) {
            rows.remove(at);
            changes.add(new RowChange.Delete(graph.id(revision)));
            return changes;
        }
        int last = restored.get(restored.size() - 1);
        rows.set(at, last);
        changes.add(new RowChange.Update(graph.id(revision), graph.id(last)));
        for (int i = 0; i < restored.size() - 1; i++) {
            rows.add(restored.get(i));
            changes.add(new RowChange.Insert(graph.id(restored.get(i))));
        }
        return changes;
    }

    /** What a revision's row stands on: parents in declared order, then the dependencies no ancestor implies. */
    private int[] downRevisions(int revision) {
        return graph.edges().normalizedDown(revision);
    }

    BitSet set() {
        var set = new BitSet(graph.size());
        rows.forEach(set::set);
        return set;
    }

    /** The rows in graph order, whatever order the changes left them in. */
    List<String> ids() {
        int[] sorted = new int[rows.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = rows.get(i);
        }
        Arrays.sort(sorted);
        return graph.ids(sorted);
    }
}
