package dev.retort.schema;

import java.util.Objects;

/** PostgreSQL's array of another type: {@code arrayOf(TEXT)} is {@code text[]}. SQLite has no arrays. */
public record ArrayType(SqlType element) implements SqlType {

    public ArrayType {
        Objects.requireNonNull(element, "array element type");
    }

    @Override
    public String describe() {
        return element.describe() + "[]";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.array(this);
    }
}
