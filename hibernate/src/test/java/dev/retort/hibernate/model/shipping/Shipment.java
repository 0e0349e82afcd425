package dev.retort.hibernate.model.shipping;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import java.time.LocalDateTime;

/** A table per class, each subclass's keyed by its parent's id; no @Table, so names come from the naming strategy. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Shipment {

    @Id
    @GeneratedValue
    Long id;

    LocalDateTime shippedAt;
}
