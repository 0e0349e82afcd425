package dev.retort.hibernate.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;

/** Not "Order": a reserved word, which Hibernate would not quote. */
@Entity
@Table(name = "purchase_orders")
public class PurchaseOrder {

    // GenerationType.AUTO on a Long: a sequence named after the entity where the database has sequences.
    @Id
    @GeneratedValue
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id")
    Customer customer;

    @Enumerated(EnumType.ORDINAL)
    Priority priority;

    OffsetDateTime placedAt;

    @Version
    int version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    List<OrderLine> lines;
}
