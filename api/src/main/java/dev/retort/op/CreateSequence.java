package dev.retort.op;

import dev.retort.schema.TableName;

/**
 * PostgreSQL's {@code CREATE SEQUENCE [IF NOT EXISTS]}. SQLite has no sequences and refuses it.
 *
 * @param start {@code null} for the default (1)
 * @param increment {@code null} for the default (1)
 */
public record CreateSequence(TableName name, Long start, Long increment, boolean ifNotExists) implements Op {

    public CreateSequence {
        java.util.Objects.requireNonNull(name, "name");
        if (increment != null && increment == 0) {
            throw new IllegalArgumentException("sequence " + name + " cannot increment by 0");
        }
    }

    @Override
    public Op reverse() {
        return new DropSequence(name, this, false);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.createSequence(this);
    }

    @Override
    public String describe() {
        return "createSequence(" + name + ")";
    }
}
