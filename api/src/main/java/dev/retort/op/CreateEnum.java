package dev.retort.op;

import dev.retort.schema.EnumType;

/** PostgreSQL's {@code CREATE TYPE … AS ENUM}; on SQLite nothing (enum columns carry their values). */
public record CreateEnum(EnumType type) implements Op {

    public CreateEnum {
        java.util.Objects.requireNonNull(type, "type");
    }

    @Override
    public Op reverse() {
        return new DropEnum(type.name(), type, false);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.createEnum(this);
    }

    @Override
    public String describe() {
        return "createEnum(" + type.name() + ")";
    }
}
