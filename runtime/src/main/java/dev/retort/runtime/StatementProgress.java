package dev.retort.runtime;

import dev.retort.runtime.dialect.Action;
import dev.retort.runtime.jdbc.HistoryEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * How far a step run statement by statement has got: which of its actions ran, the one next, and
 * a digest of those done, as the history's progress columns keep them. Each action counts as one
 * statement (a bulk insert's batches, or a Java data migration, are one).
 */
final class StatementProgress {

    /** The online-safe step's own session setting, which the digest leaves out. */
    private static final java.util.regex.Pattern LOCK_TIMEOUT = java.util.regex.Pattern.compile(
            "(?i)\\s*(SET\\s+(SESSION\\s+)?lock_timeout\\b|RESET\\s+lock_timeout\\b)");

    private final List<Action> actions;
    private int done;
    /** Which statement of the data run now running is being run, counted from {@link #done}. */
    private int attempting;

    StatementProgress(List<Action> actions, HistoryEntry.Progress resume) {
        this.actions = actions;
        this.done = resume == null ? 0 : resume.done();
    }

    boolean finished() {
        return done >= actions.size();
    }

    /**
     * The actions to run next: one DDL statement, or the data statements up to the next DDL, which
     * run in one transaction.
     */
    List<Action> nextRun() {
        if (!isData(actions.get(done))) {
            return actions.subList(done, done + 1);
        }
        int end = done + 1;
        while (end < actions.size() && isData(actions.get(end))) {
            end++;
        }
        return actions.subList(done, end);
    }

    /**
     * The session settings among the statements that ran before ({@code SET lock_timeout},
     * {@code SET search_path}, their {@code RESET}s), in order: a step that goes on where an earlier
     * run stopped makes them again first, since they lived in the session that ended.
     */
    List<Action> sessionSettingsDone() {
        var settings = new java.util.ArrayList<Action>();
        for (Action action : actions.subList(0, done)) {
            if (action instanceof Action.Sql sql && isSessionSetting(sql.sql())) {
                settings.add(action);
            }
        }
        return settings;
    }

    /**
     * {@code SET …} or {@code RESET …} for the session; not {@code SET LOCAL}, {@code SET TRANSACTION}
     * or {@code SET CONSTRAINTS}, which end with their transaction.
     */
    static boolean isSessionSetting(String sql) {
        String[] words = sql.strip().toUpperCase(Locale.ROOT).split("\\s+", 3);
        if (words[0].equals("RESET")) {
            return true;
        }
        return words[0].equals("SET") && words.length > 1
                && !List.of("LOCAL", "TRANSACTION", "CONSTRAINTS", "CONSTRAINT").contains(words[1]);
    }

    void ran(int count) {
        done += count;
        attempting = 0;
    }

    void attempting(int inRun) {
        attempting = inRun;
    }

    HistoryEntry.Progress current() {
        return new HistoryEntry.Progress(actions.size(), done, finished() ? null : shown(actions.get(done)),
                digest(actions, done));
    }

    /** What a failure leaves, for the error: the statements before the failing one stay applied. */
    String failureNote() {
        int failed = done + attempting + 1;
        return "at statement " + failed + " of " + actions.size() + (attempting == 0 ? ", outside a transaction, so "
                : ", in the transaction of data statements " + (done + 1) + "-" + failed + ", which rolled back, so ")
                + (done == 0 ? "none of its statements ran" : done == 1 ? "statement 1 stays applied"
                        : "statements 1-" + done + " stay applied")
                + "; fix the migration and run it again (Retort goes on from statement " + (done + 1)
                + " when the migration still begins with the statements that ran), or make the schema match a revision"
                + " by hand and stamp it";
    }

    /**
     * Whether an action changes rows, not the schema, and so can run in a transaction on any
     * database: bulk inserts, Java work, and SQL that begins with a data statement's keyword.
     */
    static boolean isData(Action action) {
        if (action instanceof Action.Rows || action instanceof Action.Code) {
            return true;
        }
        if (action instanceof Action.Sql sql) {
            String text = sql.sql().stripLeading().toUpperCase(Locale.ROOT);
            for (String keyword : List.of("INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE", "SELECT", "WITH")) {
                if (text.startsWith(keyword) && (text.length() == keyword.length()
                        || !Character.isLetterOrDigit(text.charAt(keyword.length())))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String fingerprint(Action action) {
        if (action instanceof Action.Rows rows) {
            var text = new StringBuilder(rows.sql());
            for (List<Object> row : rows.rows()) {
                text.append('\n');
                for (Object value : row) {
                    text.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value))
                            .append('\0');
                }
            }
            return text.toString();
        }
        return action instanceof Action.Live live ? live.fingerprint() : shown(action);
    }

    /** An action as the history shows it. */
    static String shown(Action action) {
        if (action instanceof Action.Sql sql) {
            return sql.sql();
        }
        if (action instanceof Action.Rows rows) {
            return rows.sql() + " (" + rows.rows().size() + " rows)";
        }
        if (action instanceof Action.Code code) {
            return "run(\"" + code.description() + "\")";
        }
        return ((Action.Live) action).description();
    }

    /**
     * SHA-256 over everything that decides the first {@code count} actions (a statement's text, a
     * bulk insert's every value, a worked-out statement's op; Java work by its description, as its
     * checksum counts it), or {@code null} for none.
     */
    static String digest(List<Action> actions, int count) {
        if (count == 0) {
            return null;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Action action : actions.subList(0, count)) {
                if (action instanceof Action.Sql sql && LOCK_TIMEOUT.matcher(sql.sql()).lookingAt()) {
                    continue; // a run that goes on may wait longer for its locks than the one that stopped
                }
                sha.update(fingerprint(action).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
