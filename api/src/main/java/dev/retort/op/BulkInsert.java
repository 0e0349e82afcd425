package dev.retort.op;

import dev.retort.schema.Names;
import dev.retort.schema.TableName;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Inserts rows of typed values, rendered as literals of each dialect (so offline scripts carry
 * them too). Values: {@code null}, String, integers, Boolean, BigDecimal, Double, UUID,
 * LocalDate, LocalDateTime, OffsetDateTime, Instant, byte[] (kept as {@link Binary}). Not
 * reversible: the downgrade deletes the rows itself.
 */
public record BulkInsert(TableName table, List<String> columns, List<List<Object>> rows) implements Op {

    /** Binary data, kept as hex so the op stays a comparable value. */
    public record Binary(String hex) {
        public byte[] bytes() {
            return HexFormat.of().parseHex(hex);
        }
    }

    public BulkInsert {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("bulkInsert into " + table + " needs columns");
        }
        columns.forEach(c -> Names.check(c, "column name"));
        var normalized = new ArrayList<List<Object>>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("bulkInsert into " + table + ": a row has " + row.size()
                        + " values for " + columns.size() + " columns");
            }
            var values = new ArrayList<Object>(row.size());
            row.forEach(v -> values.add(normalize(v, table)));
            normalized.add(Collections.unmodifiableList(values));
        }
        rows = Collections.unmodifiableList(normalized);
    }

    private static Object normalize(Object v, TableName table) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof BigDecimal
                || v instanceof Double || v instanceof UUID || v instanceof LocalDate || v instanceof LocalDateTime
                || v instanceof OffsetDateTime || v instanceof Binary) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof byte[] b) {
            return new Binary(HexFormat.of().formatHex(b));
        }
        throw new IllegalArgumentException("bulkInsert into " + table + ": values of type " + v.getClass().getName()
                + " cannot be written; use a String, number, Boolean, UUID, date or time, or byte[]");
    }

    @Override
    public Op reverse() {
        throw new IrreversibleOpException(this, "write downgrade() with the statement that removes the rows");
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.bulkInsert(this);
    }

    @Override
    public String describe() {
        return "bulkInsert(" + table + ", " + rows.size() + " rows)";
    }
}
