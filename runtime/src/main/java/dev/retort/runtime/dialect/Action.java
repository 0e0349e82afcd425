package dev.retort.runtime.dialect;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.JdbcWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What one op turns into for a dialect: a statement, Java code, or statements that depend on the
 * database as it stands when the step runs (a SQLite table rebuild reads the table first).
 */
public sealed interface Action permits Action.Sql, Action.Code, Action.Live {

    /** The statements to print for offline SQL; fails naming what cannot be printed. */
    List<String> offline();

    /** A statement. */
    record Sql(String sql) implements Action {
        @Override
        public List<String> offline() {
            return List.of(sql);
        }
    }

    /** A data migration in Java, run on the step's connection. */
    record Code(String description, JdbcWork work) implements Action {
        @Override
        public List<String> offline() {
            throw new RetortException(ErrorCode.UNSUPPORTED_OP, "run(\"" + description + "\") is Java code, which offline"
                    + " SQL cannot print; run this revision online");
        }
    }

    /** Statements worked out on the connection, inside the step's transaction, when it runs. */
    non-sealed interface Live extends Action {
        String description();

        /** Works out and runs its statements, reporting each to {@code executed} before it runs. */
        void run(Connection connection, StatementSink executed) throws SQLException;

        /** Whether foreign-key enforcement must be off around the transaction (a SQLite rebuild). */
        default boolean needsForeignKeysOff() {
            return false;
        }
    }

    /** Runs statements for a live action, so the runner can name the one that failed. */
    @FunctionalInterface
    interface StatementSink {
        void execute(String sql) throws SQLException;
    }
}
