package dev.retort.hibernate.model.payment;

import dev.retort.hibernate.model.PurchaseOrder;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.util.UUID;

/** One table for every kind of payment, told apart by {@code kind}; in a sub-package, which the scan covers. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
public abstract class Payment {

    @Id
    @GeneratedValue
    UUID id;

    BigDecimal amount;

    @ManyToOne
    PurchaseOrder purchase;
}
