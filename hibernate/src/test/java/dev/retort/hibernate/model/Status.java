package dev.retort.hibernate.model;

public enum Status {
    ACTIVE, SUSPENDED, CLOSED
}
