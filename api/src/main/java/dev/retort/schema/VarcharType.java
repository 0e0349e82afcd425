package dev.retort.schema;

/**
 * {@code VARCHAR(length)}, or {@code VARCHAR} with no length ({@code length} 0): PostgreSQL's
 * {@code varchar} then holds any length, as {@code text} does, and keeps its own type name.
 */
public record VarcharType(int length) implements SqlType {

    public VarcharType {
        if (length < 0 || length > 10_485_760) {
            throw new IllegalArgumentException("varchar length must be between 1 and 10485760 (or none), not " + length);
        }
    }

    /** Whether a length was given. */
    public boolean hasLength() {
        return length > 0;
    }

    @Override
    public String describe() {
        return hasLength() ? "VARCHAR(" + length + ")" : "VARCHAR";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.varchar(this);
    }
}
