package dev.retort.op;

import dev.retort.schema.EnumType;
import dev.retort.schema.TableName;

/**
 * PostgreSQL's {@code DROP TYPE [IF EXISTS]}; reversible when it carries the type's values.
 *
 * @param definition {@code null} when the migration gave none
 */
public record DropEnum(TableName name, EnumType definition, boolean ifExists) implements Op {

    public DropEnum {
        java.util.Objects.requireNonNull(name, "name");
    }

    @Override
    public Op reverse() {
        if (definition == null) {
            throw new IrreversibleOpException(this, "give the enum's values, op.dropEnum(\"" + name.name()
                    + "\", \"value\", ...), or write downgrade()");
        }
        return new CreateEnum(definition);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.dropEnum(this);
    }

    @Override
    public String describe() {
        return "dropEnum(" + name + ")";
    }
}
