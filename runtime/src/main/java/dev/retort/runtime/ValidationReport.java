package dev.retort.runtime;

import dev.retort.ErrorCode;
import dev.retort.graph.Direction;
import dev.retort.runtime.jdbc.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code validate} finds: applied revisions whose ops changed since they ran, revisions the
 * database knows and the code does not, steps whose migration cannot record or render its ops
 * (a run would stop there), and migrations that failed outside a transaction and have not run
 * successfully since.
 */
public record ValidationReport(List<Changed> changed, List<Unknown> unknown, List<Unprepared> unprepared,
        List<HistoryEntry> unfinished) {

    public ValidationReport {
        changed = List.copyOf(changed);
        unknown = List.copyOf(unknown);
        unprepared = List.copyOf(unprepared);
        unfinished = List.copyOf(unfinished);
    }

    /** An applied revision whose upgrade records other ops now than when it ran. */
    public record Changed(String revision, String message, String appliedChecksum, String codeChecksum, Instant appliedAt) {
    }

    /** A revision in the version table or the history table that no index on the class path has. */
    public record Unknown(String revision, String where) {
    }

    /**
     * A step whose migration cannot record its ops, or whose ops cannot be rendered for the
     * database: a run that reaches it stops there, after the steps before it.
     *
     * @param direction the upgrade of a pending or applied revision, or the downgrade of an applied one
     * @param applied whether the revision is applied
     * @param problem the error the run would stop with, which names the revision
     */
    public record Unprepared(String revision, String message, Direction direction, boolean applied, ErrorCode code,
            String problem) {
    }

    /**
     * Whether nothing changed, nothing is unknown and every upgrade can be prepared (unfinished
     * failures are reported apart). A downgrade that cannot be prepared is only reported: many
     * histories are irreversible on purpose, and only a downgrade past it would stop there.
     */
    public boolean clean() {
        return changed.isEmpty() && unknown.isEmpty() && blockingUpgrades().isEmpty();
    }

    /** The upgrades that cannot be prepared: the next upgrade stops at the first of them. */
    public List<Unprepared> blockingUpgrades() {
        return unprepared.stream().filter(u -> u.direction() == Direction.UPGRADE).toList();
    }

    /** One line per finding, for people. */
    public List<String> lines() {
        var lines = new ArrayList<String>();
        for (Changed c : changed) {
            lines.add("revision " + c.revision() + (c.message().isEmpty() ? "" : " (" + c.message() + ")")
                    + " changed since it was applied on " + c.appliedAt() + ": its ops' checksum was "
                    + c.appliedChecksum().substring(0, 12) + "…, the code's is " + c.codeChecksum().substring(0, 12)
                    + "…; put the change in a new revision, or stamp if the database already matches it");
        }
        for (Unknown u : unknown) {
            lines.add("revision " + u.revision() + " is in the " + u.where() + " but in none of the migrations on the"
                    + " class path; add the jar that has it to the class path, or stamp the database to a known revision");
        }
        for (Unprepared u : unprepared) {
            lines.add("the " + u.direction().label() + " of revision " + u.revision() + (u.message().isEmpty() ? ""
                    : " (" + u.message() + ")") + " cannot be prepared: " + u.problem() + "; " + consequence(u));
        }
        lines.addAll(unfinishedLines(unfinished));
        return lines;
    }

    private static String consequence(Unprepared u) {
        if (u.direction() == Direction.DOWNGRADE) {
            return "a downgrade past it reverts the revisions above it and stops there until the migration is fixed";
        }
        return u.applied() ? "its checksum cannot be compared with the one it was applied with, so fix the migration"
                : "an upgrade applies the revisions before it and stops there until the migration is fixed";
    }

    /** The state a failure outside a transaction left, statement by statement where it was recorded, and the ways out. */
    public static List<String> unfinishedLines(List<HistoryEntry> unfinished) {
        var lines = new ArrayList<String>();
        for (HistoryEntry e : unfinished) {
            String step = "the " + e.direction() + " of revision " + e.revision();
            HistoryEntry.Progress p = e.progress();
            if (p != null && e.statementSent()) {
                lines.add(step + " started on " + e.startedAt() + " and has not finished: " + ran(p) + ", and statement "
                        + (p.done() + 1) + " (" + Unfinished.brief(p.next()) + ") had been sent, committing by itself, when"
                        + " it was last seen, so it may or may not have taken effect" + notRun(p, 2) + "; once no process"
                        + " runs it, look at the schema, then finish the revision by hand and stamp " + e.revision()
                        + ", or undo what ran and stamp the revision before it");
            } else if (p != null && e.isStart()) {
                lines.add(step + " started on " + e.startedAt() + " and has not finished: " + ran(p) + ", and statement"
                        + (p.done() + 1 == p.total() ? " " : "s ") + (p.done() + 1) + (p.done() + 1 == p.total() ? ""
                                : "-" + p.total()) + " had not taken effect (it is still running, or its process stopped);"
                        + " once no process runs it, " + e.direction() + " goes on from statement " + (p.done() + 1) + " ("
                        + Unfinished.brief(p.next()) + ")");
            } else if (p != null) {
                lines.add(step + " failed on " + e.startedAt() + " at statement " + (p.done() + 1) + " of " + p.total() + " ("
                        + Unfinished.brief(p.next()) + "): " + ran(p) + notRun(p, 2) + "; fix the migration, keeping the"
                        + " statements that ran, and run " + e.direction() + " again to go on from statement " + (p.done() + 1)
                        + ", or make the schema match a revision by hand and stamp it");
            } else if (e.isStart()) {
                // Read without the lock, this may be a step another process is running right now.
                lines.add(step + " started outside a transaction on " + e.startedAt() + " and has not finished (it is"
                        + " still running, or its process stopped part-way), so the database may hold part of it; once no"
                        + " process runs it, finish or undo its statements by hand and stamp the revision the schema then"
                        + " matches, or run " + e.direction() + " again if they can run twice");
            } else {
                lines.add(step + " failed outside a transaction on " + e.startedAt() + ", so the database may hold part"
                        + " of it; fix the migration and run " + e.direction() + " again, or make the schema match a"
                        + " revision by hand and stamp it");
            }
        }
        return lines;
    }

    private static String ran(HistoryEntry.Progress p) {
        return p.done() == 0 ? "none of its " + p.total() + " statements had committed"
                : p.done() == 1 ? "statement 1 of " + p.total() + " committed" : "statements 1-" + p.done() + " of " + p.total()
                        + " committed";
    }

    /** The statements after the one that failed or was sent, which did not run. */
    private static String notRun(HistoryEntry.Progress p, int after) {
        int first = p.done() + after;
        return first > p.total() ? "" : first == p.total() ? ", and statement " + first + " did not run"
                : ", and statements " + first + "-" + p.total() + " did not run";
    }
}
