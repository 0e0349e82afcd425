package dev.retort.runtime;

import dev.retort.runtime.jdbc.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code validate} finds: applied revisions whose ops changed since they ran, revisions the
 * database knows and the code does not, and migrations that failed outside a transaction and
 * have not run successfully since.
 */
public record ValidationReport(List<Changed> changed, List<Unknown> unknown, List<HistoryEntry> unfinished) {

    public ValidationReport {
        changed = List.copyOf(changed);
        unknown = List.copyOf(unknown);
        unfinished = List.copyOf(unfinished);
    }

    /** An applied revision whose upgrade records other ops now than when it ran. */
    public record Changed(String revision, String message, String appliedChecksum, String codeChecksum, Instant appliedAt) {
    }

    /** A revision in the version table or the history table that no index on the class path has. */
    public record Unknown(String revision, String where) {
    }

    /** Whether nothing changed and nothing is unknown (unfinished failures are reported apart). */
    public boolean clean() {
        return changed.isEmpty() && unknown.isEmpty();
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
        lines.addAll(unfinishedLines(unfinished));
        return lines;
    }

    /** The state a failure outside a transaction left, and the ways out. */
    public static List<String> unfinishedLines(List<HistoryEntry> unfinished) {
        var lines = new ArrayList<String>();
        for (HistoryEntry e : unfinished) {
            String step = "the " + e.direction() + " of revision " + e.revision();
            if (e.isStart()) {
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
}
