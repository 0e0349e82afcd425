package dev.retort.op;

/**
 * A SQL statement run as written: data migrations, or anything the DSL does not cover. It is
 * reversible only when the migration gives the statement that undoes it.
 *
 * @param reverseSql {@code null} when the migration gave none
 */
public record Execute(String sql, String reverseSql) implements Op {

    private static final int SHOWN = 60;

    public Execute {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("execute needs a SQL statement");
        }
        if (reverseSql != null && reverseSql.isBlank()) {
            throw new IllegalArgumentException("the reverse statement of execute must not be empty");
        }
    }

    @Override
    public Op reverse() {
        if (reverseSql == null) {
            throw new IrreversibleOpException(this,
                    "give the statement that undoes it, op.execute(sql, reverseSql), or write downgrade()");
        }
        return new Execute(reverseSql, sql);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.execute(this);
    }

    @Override
    public String describe() {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return "execute(\"" + (oneLine.length() <= SHOWN ? oneLine : oneLine.substring(0, SHOWN) + "…") + "\")";
    }
}
