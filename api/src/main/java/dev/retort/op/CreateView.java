package dev.retort.op;

import dev.retort.schema.TableName;

/**
 * {@code CREATE [OR REPLACE] VIEW name AS query}. Replacing needs the view's previous query to be
 * reversible. On SQLite, which cannot replace a view, a replacement drops and creates it.
 *
 * @param previousQuery the replaced view's query, or {@code null}
 */
public record CreateView(TableName name, String query, boolean orReplace, String previousQuery) implements Op {

    public CreateView {
        java.util.Objects.requireNonNull(name, "name");
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("view " + name + " needs a query");
        }
        if (previousQuery != null && !orReplace) {
            throw new IllegalArgumentException("view " + name + ": a previous query goes with a replacement");
        }
    }

    @Override
    public Op reverse() {
        if (!orReplace) {
            return new DropView(name, this, false);
        }
        if (previousQuery == null) {
            throw new IrreversibleOpException(this, "give the view's previous query, op.replaceView(\"" + name.name()
                    + "\", query, previousQuery), or write downgrade()");
        }
        return new CreateView(name, previousQuery, true, query);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.createView(this);
    }

    @Override
    public String describe() {
        return (orReplace ? "replaceView(" : "createView(") + name + ")";
    }
}
