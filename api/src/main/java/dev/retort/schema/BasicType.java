package dev.retort.schema;

/**
 * The SQL types that take no parameters. {@code JSON} is PostgreSQL's {@code jsonb} (as it has
 * always been in Retort); {@code JSONB} says so explicitly, and {@code PLAIN_JSON} is
 * PostgreSQL's {@code json}, the text kept as written (what SQLAlchemy's {@code JSON} is).
 */
public enum BasicType implements SqlType {
    SMALLINT, INTEGER, BIGINT, TEXT, BOOLEAN, DATE, TIMESTAMP, TIMESTAMP_TZ, REAL, DOUBLE, UUID, JSON, BLOB, JSONB,
    PLAIN_JSON;

    @Override
    public String describe() {
        return name();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.basic(this);
    }
}
