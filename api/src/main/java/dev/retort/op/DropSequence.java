package dev.retort.op;

import dev.retort.schema.TableName;

/**
 * PostgreSQL's {@code DROP SEQUENCE [IF EXISTS]}; reversible when it carries the definition.
 *
 * @param definition {@code null} when the migration gave none
 */
public record DropSequence(TableName name, CreateSequence definition, boolean ifExists) implements Op {

    public DropSequence {
        java.util.Objects.requireNonNull(name, "name");
    }

    @Override
    public Op reverse() {
        if (definition == null) {
            throw new IrreversibleOpException(this, "give the sequence's definition, or write downgrade()");
        }
        return definition;
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.dropSequence(this);
    }

    @Override
    public String describe() {
        return "dropSequence(" + name + ")";
    }
}
