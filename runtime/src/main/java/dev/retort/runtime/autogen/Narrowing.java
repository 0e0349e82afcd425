package dev.retort.runtime.autogen;

import dev.retort.schema.NumericType;
import dev.retort.schema.SqlType;
import dev.retort.schema.VarcharType;
import java.util.List;

/** Whether a type change can lose data or fail on rows that exist: anything but a known widening. */
public final class Narrowing {

    private static final List<SqlType> INTEGERS = List.of(SqlType.SMALLINT, SqlType.INTEGER, SqlType.BIGINT);

    private Narrowing() {
    }

    public static boolean loses(SqlType from, SqlType to) {
        if (from.equals(to)) {
            return false;
        }
        if (INTEGERS.contains(from) && INTEGERS.contains(to)) {
            return INTEGERS.indexOf(to) < INTEGERS.indexOf(from);
        }
        if (from == SqlType.REAL && to == SqlType.DOUBLE) {
            return false;
        }
        if (from instanceof NumericType a && to instanceof NumericType b) {
            return b.scale() < a.scale() || b.precision() - b.scale() < a.precision() - a.scale();
        }
        if (to == SqlType.TEXT) {
            return !(from instanceof VarcharType);
        }
        if (to instanceof VarcharType b && from instanceof VarcharType a) {
            return b.hasLength() && (!a.hasLength() || b.length() < a.length());
        }
        return true;
    }
}
