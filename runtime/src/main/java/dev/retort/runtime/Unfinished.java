package dev.retort.runtime;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.graph.Step;
import dev.retort.runtime.jdbc.HistoryEntry;
import dev.retort.runtime.ops.PreparedStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps earlier runs left part-done, and where a run may go on with each. A step that failed
 * at a statement, or whose process stopped before sending one (or while data ran in a transaction
 * that died with it), goes on from that statement when the migration still begins with the
 * statements that ran (a fix changes what comes after). One whose process stopped after sending a
 * statement that commits by itself is refused: that statement may or may not have taken effect,
 * and Retort does not guess.
 */
final class Unfinished {

    static final Unfinished NONE = new Unfinished(Map.of(), false);

    private final Map<String, HistoryEntry> open;
    /** Whether the database renders steps online-safe too, so a step may have stopped rendered the other way. */
    private final boolean onlineSafeDialect;

    private Unfinished(Map<String, HistoryEntry> open, boolean onlineSafeDialect) {
        this.open = open;
        this.onlineSafeDialect = onlineSafeDialect;
    }

    static Unfinished of(List<HistoryEntry> history) {
        return of(history, false);
    }

    /** @param onlineSafeDialect whether the database renders some steps online-safe, so a step may have stopped so */
    static Unfinished of(List<HistoryEntry> history, boolean onlineSafeDialect) {
        var open = new LinkedHashMap<String, HistoryEntry>();
        for (HistoryEntry entry : Validator.unfinished(history)) {
            open.put(entry.direction() + " " + entry.revision(), entry);
        }
        return new Unfinished(open, onlineSafeDialect);
    }

    /**
     * Whether an earlier run left this step part-done statement by statement, so this run goes on
     * with it statement by statement too ({@link #resumeAt} says from where, or refuses).
     */
    boolean partDone(Step step) {
        HistoryEntry entry = open.get(step.direction().label() + " " + step.revision());
        return entry != null && entry.progress() != null && (entry.progress().done() > 0 || entry.statementSent());
    }

    /**
     * The progress to go on from, or {@code null} to run the step from its first statement.
     *
     * @throws RetortException {@code PARTLY_APPLIED} when neither is safe
     */
    HistoryEntry.Progress resumeAt(PreparedStep step) {
        HistoryEntry entry = open.get(step.step().direction().label() + " " + step.revision().id());
        if (entry == null || entry.progress() == null) {
            return null;
        }
        HistoryEntry.Progress progress = entry.progress();
        String what = "the " + entry.direction() + " of revision " + entry.revision();
        if (entry.statementSent()) {
            throw new RetortException(ErrorCode.PARTLY_APPLIED, what + " stopped on " + entry.startedAt() + " while statement "
                    + (progress.done() + 1) + " of " + progress.total() + " was running (" + brief(progress.next()) + ")"
                    + ran(progress) + "; each statement commits by itself, so that one may or may not have taken effect:"
                    + " look at the schema, then finish the revision by hand and stamp " + entry.revision() + ", or undo"
                    + " what ran and stamp the revision before it; nothing ran now");
        }
        if (progress.done() == 0) {
            return null;
        }
        if (progress.done() > step.actions().size()
                || !progress.digest().equals(StatementProgress.digest(step.actions(), progress.done()))) {
            throw new RetortException(ErrorCode.PARTLY_APPLIED, what + (entry.isStart() ? " stopped on " : " failed on ")
                    + entry.startedAt() + " at statement "
                    + (progress.done() + 1) + " of " + progress.total() + ran(progress) + ", and the migration no longer"
                    + " begins with the statements that ran, so Retort cannot tell where to go on: keep them as they were"
                    + " and change only what comes after" + renderedOtherwise(step) + ", or make the schema match a revision by"
                    + " hand and stamp it; nothing ran now");
        }
        return progress;
    }

    /** The other rendering the step may have stopped in, which it goes on only in. */
    private String renderedOtherwise(PreparedStep step) {
        if (!onlineSafeDialect) {
            return "";
        }
        return step.onlineSafe() ? " (if it stopped while it ran plain, run it without --online-safe)"
                : " (if it stopped while it ran online-safe, give --online-safe again, or keep its @OnlineSafe)";
    }

    private static String ran(HistoryEntry.Progress progress) {
        return progress.done() == 0 ? ", before any statement of it had committed"
                : ", after statement" + (progress.done() == 1 ? " 1" : "s 1-" + progress.done()) + " had committed";
    }

    static String brief(String statement) {
        if (statement == null) {
            return "none";
        }
        String line = Runner.oneLine(statement);
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }
}
