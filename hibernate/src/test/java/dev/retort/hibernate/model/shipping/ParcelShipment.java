package dev.retort.hibernate.model.shipping;

import jakarta.persistence.Entity;

@Entity
public class ParcelShipment extends Shipment {

    String trackingNumber;
}
