package dev.retort.samples.todo.model;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/** {@code created_at} and {@code updated_at}, set by the database, on every table. */
@MappedSuperclass
public abstract class Timestamped {

    /** {@code CURRENT_TIMESTAMP}, not {@code now()}: the same clock, and SQLite parses it too. */
    static final String NOW = "default CURRENT_TIMESTAMP";

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false,
            columnDefinition = "timestamp with time zone", options = NOW)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false,
            columnDefinition = "timestamp with time zone", options = NOW)
    OffsetDateTime updatedAt;

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
