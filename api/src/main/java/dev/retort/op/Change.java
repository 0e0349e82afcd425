package dev.retort.op;

/**
 * One aspect an {@link AlterColumn} changes: the new value ({@code null} to drop a default or a
 * comment) and, when the migration gave it, the old one, which the reverse restores.
 */
public record Change<T>(T to, T from, boolean fromGiven) {

    public static <T> Change<T> to(T value) {
        return new Change<>(value, null, false);
    }

    public static <T> Change<T> of(T from, T to) {
        return new Change<>(to, from, true);
    }

    Change<T> reversed() {
        return new Change<>(from, to, true);
    }
}
