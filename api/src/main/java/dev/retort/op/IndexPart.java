package dev.retort.op;

import dev.retort.schema.Names;

/**
 * One part of an index key: a column, or an SQL expression such as {@code lower(email)}; either
 * can be descending.
 *
 * @param column the column, or {@code null} for an expression
 * @param expression the expression, or {@code null} for a column
 */
public record IndexPart(String column, String expression, boolean descending) {

    public IndexPart {
        if ((column == null) == (expression == null)) {
            throw new IllegalArgumentException("an index part is a column or an expression");
        }
        if (column != null) {
            Names.check(column, "column name");
        } else if (expression.isBlank()) {
            throw new IllegalArgumentException("an index expression must not be empty");
        }
    }

    public static IndexPart column(String name) {
        return new IndexPart(name, null, false);
    }

    public static IndexPart expression(String sql) {
        return new IndexPart(null, sql, false);
    }

    public boolean isColumn() {
        return column != null;
    }
}
