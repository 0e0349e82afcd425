package dev.retort.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDateTime;

/** Columns every table of its subclasses repeats. */
@MappedSuperclass
public abstract class Audited {

    @Column(nullable = false)
    Instant createdAt;

    LocalDateTime updatedAt;
}
