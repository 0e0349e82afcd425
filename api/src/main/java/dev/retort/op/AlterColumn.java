package dev.retort.op;

import dev.retort.schema.Names;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.Objects;

/**
 * Changes a column in place: its type ({@code USING} says how PostgreSQL converts the values),
 * nullability, server default, comment. Each {@code null} aspect stays as it is. The reverse
 * needs the old value of every aspect changed ({@code existingType(...)} and friends); on SQLite
 * the change is a table rebuild.
 *
 * @param using an expression converting the old values, for PostgreSQL; {@code null} for none
 */
public record AlterColumn(TableName table, String column, Change<SqlType> type, String using, Change<Boolean> nullable,
        Change<ServerDefault> serverDefault, Change<String> comment) implements Op {

    public AlterColumn {
        Objects.requireNonNull(table, "table");
        Names.check(column, "column name");
        if (type == null && nullable == null && serverDefault == null && comment == null) {
            throw new IllegalArgumentException("alterColumn(" + table + "." + column + ") changes nothing");
        }
        if (type != null && type.to() == null) {
            throw new IllegalArgumentException("alterColumn(" + table + "." + column + ") needs the new type");
        }
        if (nullable != null && nullable.to() == null) {
            throw new IllegalArgumentException("alterColumn(" + table + "." + column + ") needs nullable or not null");
        }
        if (using != null && type == null) {
            throw new IllegalArgumentException("alterColumn(" + table + "." + column + "): USING goes with a type change");
        }
    }

    @Override
    public Op reverse() {
        var missing = new ArrayList<String>();
        check(type, "existingType(...)", missing);
        check(nullable, "existingNullable(...)", missing);
        check(serverDefault, "existingServerDefault(...)", missing);
        check(comment, "existingComment(...)", missing);
        if (!missing.isEmpty()) {
            throw new IrreversibleOpException(this, "give the column's old " + String.join(", ", missing)
                    + " in the alterColumn spec, or write downgrade()");
        }
        return new AlterColumn(table, column, reversed(type), null, reversed(nullable), reversed(serverDefault),
                reversed(comment));
    }

    private static void check(Change<?> change, String remedy, java.util.List<String> missing) {
        if (change != null && !change.fromGiven()) {
            missing.add(remedy);
        }
    }

    private static <T> Change<T> reversed(Change<T> change) {
        return change == null ? null : change.reversed();
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.alterColumn(this);
    }

    @Override
    public String describe() {
        return "alterColumn(" + table + "." + column + ")";
    }
}
