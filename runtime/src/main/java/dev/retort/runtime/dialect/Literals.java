package dev.retort.runtime.dialect;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.BulkInsert;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Values of a {@link BulkInsert}: bound as parameters online, and as SQL literals in offline
 * scripts (multi-row INSERTs of {@value #ROWS_PER_STATEMENT}). Both read a value the same way:
 * on PostgreSQL a parameter is sent untyped, as the literal's text, so the server converts it
 * into the column's type exactly as it converts the quoted literal.
 */
public final class Literals {

    public static final boolean POSTGRESQL = true;
    public static final boolean SQLITE = false;
    static final int ROWS_PER_STATEMENT = 500;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private Literals() {
    }

    /**
     * The insert of {@code op}'s rows, bound online. PostgreSQL text cannot hold a NUL character
     * at all, so a string with one is refused here, naming its row and column.
     */
    public static Action rows(BulkInsert op, Dialect dialect, boolean postgres) {
        if (postgres) {
            refuseNul(op, "PostgreSQL text cannot store it; write the value as bytes (byte[]) into a bytea column,"
                    + " or leave the character out");
        }
        return rows(op, dialect, postgres ? Literals::bindPostgres : Literals::bindSqlite, () -> {
            refuseNul(op, "no SQL literal can carry it; run this revision online, where values are bound");
            return inserts(op, dialect, value -> literal(value, dialect, postgres));
        });
    }

    /**
     * The insert of {@code op}'s rows as a dialect binds them online, and, for offline scripts, the
     * multi-row INSERTs {@code literals} works out.
     */
    public static Action rows(BulkInsert op, Dialect dialect, Action.Binder binder, Supplier<List<String>> literals) {
        String sql = "INSERT INTO " + dialect.qualify(op.table()) + " ("
                + op.columns().stream().map(dialect::quote).collect(Collectors.joining(", ")) + ") VALUES ("
                + String.join(", ", Collections.nCopies(op.columns().size(), "?")) + ")";
        return new Action.Rows(sql, op.rows(), binder, literals);
    }

    /** The rows as literal INSERT statements of {@value #ROWS_PER_STATEMENT} rows, each value written by {@code literal}. */
    public static List<String> inserts(BulkInsert op, Dialect dialect, Function<Object, String> literal) {
        String head = "INSERT INTO " + dialect.qualify(op.table()) + " ("
                + op.columns().stream().map(dialect::quote).collect(Collectors.joining(", ")) + ") VALUES ";
        var statements = new ArrayList<String>();
        for (int from = 0; from < op.rows().size(); from += ROWS_PER_STATEMENT) {
            List<List<Object>> rows = op.rows().subList(from, Math.min(op.rows().size(), from + ROWS_PER_STATEMENT));
            statements.add(head + rows.stream()
                    .map(row -> row.stream().map(literal).collect(Collectors.joining(", ", "(", ")")))
                    .collect(Collectors.joining(", ")));
        }
        return statements;
    }

    private static void refuseNul(BulkInsert op, String why) {
        for (int r = 0; r < op.rows().size(); r++) {
            List<Object> row = op.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) instanceof String s && s.indexOf('\0') >= 0) {
                    throw new RetortException(ErrorCode.INVALID_OP, "bulkInsert into " + op.table() + ": row " + (r + 1)
                            + ", column " + op.columns().get(c) + " holds a NUL character, and " + why);
                }
            }
        }
    }

    public static String literal(Object value, Dialect dialect, boolean postgres) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof BigDecimal || value instanceof Double) {
            return text(value, postgres);
        }
        if (value instanceof BulkInsert.Binary b) {
            return postgres ? "'\\x" + b.hex() + "'" : "X'" + b.hex() + "'";
        }
        return dialect.literal(text(value, postgres));
    }

    /** A value's text: what its literal says (without quotes), and what PostgreSQL is sent as its parameter. */
    static String text(Object value, boolean postgres) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return postgres ? (b ? "TRUE" : "FALSE") : (b ? "1" : "0");
        }
        if (value instanceof Long || value instanceof BigDecimal) {
            return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new RetortException(ErrorCode.INVALID_OP, "bulkInsert: " + d + " has no SQL literal; insert it with execute()");
            }
            return d.toString();
        }
        if (value instanceof UUID || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof LocalDateTime t) {
            return t.format(DATE_TIME);
        }
        if (value instanceof OffsetDateTime t) {
            return t.format(DATE_TIME) + t.getOffset().getId().replace("Z", "+00:00");
        }
        if (value instanceof BulkInsert.Binary b) {
            return "\\x" + b.hex();
        }
        throw new IllegalStateException("BulkInsert admits no " + value.getClass());
    }

    /** Untyped, as the literal's text: the server casts it to the column's type as it would the literal. */
    private static void bindPostgres(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, text(value, POSTGRESQL), Types.OTHER);
        }
    }

    /** The storage class SQLite gives the literal: integers, reals, text, blobs. */
    private static void bindSqlite(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else if (value instanceof Boolean b) {
            statement.setInt(index, b ? 1 : 0);
        } else if (value instanceof Double d) {
            text(d, SQLITE); // refuses NaN and infinities, as the literal does
            statement.setDouble(index, d);
        } else if (value instanceof BigDecimal d) {
            bindDecimal(statement, index, d);
        } else if (value instanceof BulkInsert.Binary b) {
            statement.setBytes(index, b.bytes());
        } else {
            statement.setString(index, text(value, SQLITE));
        }
    }

    /** SQLite reads the literal {@code 12} as an integer and {@code 1.50} as the real 1.5. */
    private static void bindDecimal(PreparedStatement statement, int index, BigDecimal d) throws SQLException {
        String plain = d.toPlainString();
        if (plain.indexOf('.') < 0) {
            try {
                statement.setLong(index, Long.parseLong(plain));
                return;
            } catch (NumberFormatException e) {
                // beyond a 64-bit integer SQLite reads the literal as a real too
            }
        }
        statement.setDouble(index, d.doubleValue());
    }
}
