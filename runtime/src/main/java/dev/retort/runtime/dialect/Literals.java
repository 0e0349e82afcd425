package dev.retort.runtime.dialect;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.op.BulkInsert;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Values of a {@link BulkInsert} as SQL literals, so the statements are the same online and in
 * offline scripts. Rows go in multi-row INSERTs of {@value #ROWS_PER_STATEMENT}.
 */
public final class Literals {

    public static final boolean POSTGRESQL = true;
    public static final boolean SQLITE = false;
    static final int ROWS_PER_STATEMENT = 500;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private Literals() {
    }

    public static List<String> inserts(BulkInsert op, Dialect dialect, boolean postgres) {
        String head = "INSERT INTO " + dialect.qualify(op.table()) + " ("
                + op.columns().stream().map(dialect::quote).collect(Collectors.joining(", ")) + ") VALUES ";
        var statements = new ArrayList<String>();
        for (int from = 0; from < op.rows().size(); from += ROWS_PER_STATEMENT) {
            List<List<Object>> rows = op.rows().subList(from, Math.min(op.rows().size(), from + ROWS_PER_STATEMENT));
            statements.add(head + rows.stream()
                    .map(row -> row.stream().map(v -> literal(v, dialect, postgres)).collect(Collectors.joining(", ", "(", ")")))
                    .collect(Collectors.joining(", ")));
        }
        return statements;
    }

    public static String literal(Object value, Dialect dialect, boolean postgres) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String s) {
            return dialect.literal(s);
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
            return dialect.literal(value.toString());
        }
        if (value instanceof LocalDateTime t) {
            return dialect.literal(t.format(DATE_TIME));
        }
        if (value instanceof OffsetDateTime t) {
            return dialect.literal(t.format(DATE_TIME) + t.getOffset().getId().replace("Z", "+00:00"));
        }
        if (value instanceof BulkInsert.Binary b) {
            return postgres ? "'\\x" + b.hex() + "'" : "X'" + b.hex() + "'";
        }
        throw new IllegalStateException("BulkInsert admits no " + value.getClass());
    }
}
