package dev.retort.op;

/**
 * A SQL statement run as written: data migrations, or anything the DSL does not cover. It is
 * reversible only when the migration gives the statement that undoes it.
 *
 * @param undo the statement that undoes it; {@code null} when the migration gave none
 */
public record Execute(SqlText sql, SqlText undo) implements Op {

    private static final int SHOWN = 60;

    public Execute {
        java.util.Objects.requireNonNull(sql, "sql");
    }

    @Override
    public Op reverse() {
        if (undo == null) {
            throw new IrreversibleOpException(this,
                    "give the statement that undoes it, op.execute(sql, reverseSql), or write downgrade()");
        }
        return new Execute(undo, sql);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.execute(this);
    }

    @Override
    public String describe() {
        String oneLine = sql.shown().strip().replaceAll("\\s+", " ");
        return "execute(\"" + (oneLine.length() <= SHOWN ? oneLine : oneLine.substring(0, SHOWN) + "…") + "\")";
    }
}
