package dev.retort.hibernate.model;

public enum Priority {
    LOW, NORMAL, HIGH
}
