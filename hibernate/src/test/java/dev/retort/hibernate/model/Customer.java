package dev.retort.hibernate.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "customers",
        uniqueConstraints = @UniqueConstraint(name = "uk_customers_email", columnNames = "email"),
        indexes = @Index(name = "ix_customers_last_name", columnList = "lastName"))
public class Customer extends Audited {

    @Id
    @GeneratedValue
    UUID id;

    @Column(nullable = false)
    String email;

    String lastName;

    @Embedded
    Address address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Status status;

    OffsetDateTime lastLogin;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    List<PurchaseOrder> orders;
}
