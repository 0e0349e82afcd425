package dev.retort.op;

import dev.retort.schema.TableName;

/**
 * {@code DROP VIEW [IF EXISTS]}; reversible when it carries the view's definition.
 *
 * @param definition {@code null} when the migration gave none
 */
public record DropView(TableName name, CreateView definition, boolean ifExists) implements Op {

    public DropView {
        java.util.Objects.requireNonNull(name, "name");
    }

    @Override
    public Op reverse() {
        if (definition == null) {
            throw new IrreversibleOpException(this, "give the view's query, op.dropView(name, query), or write downgrade()");
        }
        return new CreateView(name, definition.query(), false, null);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.dropView(this);
    }

    @Override
    public String describe() {
        return "dropView(" + name + ")";
    }
}
