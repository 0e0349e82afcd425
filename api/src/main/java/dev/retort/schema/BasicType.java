package dev.retort.schema;

/** The SQL types that take no parameters. */
public enum BasicType implements SqlType {
    SMALLINT, INTEGER, BIGINT, TEXT, BOOLEAN, DATE, TIMESTAMP, TIMESTAMP_TZ, REAL, DOUBLE, UUID, JSON, BLOB;

    @Override
    public String describe() {
        return name();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.basic(this);
    }
}
