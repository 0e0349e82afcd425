package dev.retort.schema;

/** {@code VARCHAR(length)}. */
public record VarcharType(int length) implements SqlType {

    public VarcharType {
        if (length < 1 || length > 10_485_760) {
            throw new IllegalArgumentException("varchar length must be between 1 and 10485760, not " + length);
        }
    }

    @Override
    public String describe() {
        return "VARCHAR(" + length + ")";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.varchar(this);
    }
}
