package dev.retort.schema;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A default that the database fills in when an INSERT leaves the column out. Literals are
 * rendered as SQL literals of each dialect; {@link #now()} becomes each dialect's current
 * timestamp; {@link #sql(String)} is passed through as written; {@link #serial()} numbers the
 * rows from a sequence the column owns (what a column builder's {@code serial()} sets).
 */
public sealed interface ServerDefault permits ServerDefault.Literal, ServerDefault.Now, ServerDefault.RandomUuid,
        ServerDefault.Expression, ServerDefault.Serial {

    static ServerDefault value(String value) {
        return new Literal(value);
    }

    static ServerDefault value(long value) {
        return new Literal(value);
    }

    static ServerDefault value(boolean value) {
        return new Literal(value);
    }

    static ServerDefault value(BigDecimal value) {
        return new Literal(value);
    }

    static ServerDefault value(double value) {
        return new Literal(value);
    }

    /** The moment the row is inserted. */
    static ServerDefault now() {
        return new Now();
    }

    /**
     * A random UUID: {@code gen_random_uuid()} on PostgreSQL (13 and later), a version-4 UUID built
     * from {@code randomblob} on SQLite.
     */
    static ServerDefault randomUuid() {
        return new RandomUuid();
    }

    /**
     * The next value of a sequence the column owns: PostgreSQL's {@code serial} (the sequence
     * {@code <table>_<column>_seq}, created and dropped with the column), SQLite's rowid for an
     * {@code INTEGER PRIMARY KEY}. Set it with the column builder's {@code serial()}.
     */
    static ServerDefault serial() {
        return new Serial();
    }

    /** A SQL expression, passed to the database as written (it is the same on every dialect). */
    static ServerDefault sql(String expression) {
        return new Expression(expression);
    }

    <R> R accept(Visitor<R> visitor);

    interface Visitor<R> {
        R literal(Object value);

        R now();

        R randomUuid();

        R expression(String sql);

        R serial();
    }

    /** A constant: a String, Long, Boolean, BigDecimal or Double. */
    record Literal(Object value) implements ServerDefault {
        public Literal {
            Objects.requireNonNull(value, "default value (leave the default out for NULL)");
            if (!(value instanceof String || value instanceof Long || value instanceof Boolean
                    || value instanceof BigDecimal || value instanceof Double)) {
                throw new IllegalArgumentException("unsupported default value type " + value.getClass().getName());
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.literal(value);
        }
    }

    record Now() implements ServerDefault {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.now();
        }
    }

    record RandomUuid() implements ServerDefault {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.randomUuid();
        }
    }

    record Expression(String sql) implements ServerDefault {
        public Expression {
            if (sql == null || sql.isBlank()) {
                throw new IllegalArgumentException("default expression must not be empty");
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.expression(sql);
        }
    }

    record Serial() implements ServerDefault {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.serial();
        }
    }
}
