package dev.retort.hibernate.model.shipping;

import jakarta.persistence.Entity;

@Entity
public class FreightShipment extends Shipment {

    int pallets;
}
