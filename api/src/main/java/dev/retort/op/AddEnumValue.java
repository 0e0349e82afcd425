package dev.retort.op;

import dev.retort.schema.TableName;

/**
 * PostgreSQL's {@code ALTER TYPE … ADD VALUE}. PostgreSQL cannot remove an enum value, so this op
 * has no reverse. On SQLite, where an enum column is TEXT with a CHECK, nothing changes here: a
 * column that should accept the value needs its check altered.
 *
 * @param before add before this existing value, or {@code null}
 * @param after add after this existing value, or {@code null}
 */
public record AddEnumValue(TableName type, String value, String before, String after, boolean ifNotExists) implements Op {

    public AddEnumValue {
        java.util.Objects.requireNonNull(type, "type");
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("addEnumValue(" + type + ") needs a value");
        }
        if (before != null && after != null) {
            throw new IllegalArgumentException("addEnumValue(" + type + ") takes before or after, not both");
        }
    }

    @Override
    public Op reverse() {
        throw new IrreversibleOpException(this, "PostgreSQL cannot remove an enum value; write downgrade() (for example"
                + " recreate the type without it)");
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.addEnumValue(this);
    }

    @Override
    public String describe() {
        return "addEnumValue(" + type + ", " + value + ")";
    }
}
