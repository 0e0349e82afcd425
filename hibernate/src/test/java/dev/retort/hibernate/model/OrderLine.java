package dev.retort.hibernate.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

@Entity
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    // JPA's cascade is the session's business; only Hibernate's @OnDelete reaches the foreign key.
    @ManyToOne(optional = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    PurchaseOrder order;

    @ManyToOne
    Product product;

    int quantity;
}
