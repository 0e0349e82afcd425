package dev.retort.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {

    String street;

    String city;

    @Column(name = "postal_code", length = 16)
    String postalCode;
}
