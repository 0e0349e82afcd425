package dev.retort.runtime;

import dev.retort.runtime.dialect.Dialect;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Work that gave up waiting for a lock ({@code lock_timeout}, which an online-safe step sets),
 * tried again after a pause that doubles from 200 ms, up to {@value #RETRIES} times: the queries
 * queued behind it went on meanwhile.
 */
final class LockRetry {

    static final int RETRIES = 5;
    private static final System.Logger LOG = System.getLogger(Runner.class.getName());

    /** One try of the work; returns how many statements ran. */
    @FunctionalInterface
    interface Attempt {
        int run() throws SQLException;
    }

    private final Connection connection;
    private final Dialect dialect;
    /** The statement running, for the log line. */
    private final Supplier<String> current;

    LockRetry(Connection connection, Dialect dialect, Supplier<String> current) {
        this.connection = connection;
        this.dialect = dialect;
        this.current = current;
    }

    /**
     * A statement that commits by itself. Before each try, what an earlier try left behind is
     * undone ({@link Dialect#undoFailedTry}): one of this run, or of the run that stopped at it,
     * which this one goes on from. That waits under the same timeout; timing out there is one more
     * try.
     */
    int statement(String sql, Attempt attempt) throws SQLException {
        for (int tries = 1;; tries++) {
            try {
                if (sql != null) {
                    dialect.undoFailedTry(connection, sql);
                }
                return attempt.run();
            } catch (SQLException e) {
                giveUpOrPause(tries, e);
            }
        }
    }

    /**
     * Statements in one transaction, begun here and left open for the caller to commit; rolled
     * back before they are tried again.
     */
    int transaction(Attempt attempt) throws SQLException {
        for (int tries = 1;; tries++) {
            connection.setAutoCommit(false);
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!dialect.isLockTimeout(e) || tries > RETRIES) {
                    throw e;
                }
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                    throw e;
                }
                connection.setAutoCommit(true);
                giveUpOrPause(tries, e);
            }
        }
    }

    private void giveUpOrPause(int tries, SQLException e) throws SQLException {
        if (!dialect.isLockTimeout(e) || tries > RETRIES) {
            throw e;
        }
        long pause = 100L << Math.min(tries, 6);
        LOG.log(Level.INFO, "no lock within lock_timeout for " + Runner.shown(current.get()) + "; retry " + tries + " of "
                + RETRIES + " in " + pause + " ms");
        try {
            Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }
}
