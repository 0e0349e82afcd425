package dev.retort.runtime.dialect;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.JdbcWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

/**
 * What one op turns into for a dialect: a statement, Java code, or statements that depend on the
 * database as it stands when the step runs (a SQLite table rebuild reads the table first).
 */
public sealed interface Action permits Action.Sql, Action.Rows, Action.Code, Action.Live {

    /** The statements to print for offline SQL; fails naming what cannot be printed. */
    List<String> offline();

    /** A statement. */
    record Sql(String sql) implements Action {
        @Override
        public List<String> offline() {
            return List.of(sql);
        }
    }

    /**
     * Rows inserted with their values bound, so any value (a string holding a NUL character too)
     * arrives as it is; an offline script prints them as literals.
     *
     * @param sql the insert of one row, with a parameter per column
     * @param literals the offline statements, worked out when printed (a value no literal can
     *     carry fails there, naming it)
     */
    record Rows(String sql, List<List<Object>> rows, Binder binder, Supplier<List<String>> literals)
            implements Action {

        /** Rows sent to the server per batch. */
        static final int BATCH = 500;

        @Override
        public List<String> offline() {
            return literals.get();
        }

        /** Inserts the rows, {@value #BATCH} to a batch; returns how many batches ran. */
        public int insert(Connection connection) throws SQLException {
            int batches = 0;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int from = 0; from < rows.size(); from += BATCH) {
                    for (List<Object> row : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                        for (int i = 0; i < row.size(); i++) {
                            binder.bind(statement, i + 1, row.get(i));
                        }
                        statement.addBatch();
                    }
                    statement.executeBatch();
                    batches++;
                }
            }
            return batches;
        }
    }

    /** Sets one value of a {@link Rows} insert as the dialect reads it. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement, int index, Object value) throws SQLException;
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

        /**
         * Everything that decides the statements it will work out, for telling whether a migration
         * changed since it ran part-way: by default its description.
         */
        default String fingerprint() {
            return description();
        }

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
