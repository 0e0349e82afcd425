package dev.retort.hibernate.model;

/** A stock-keeping unit, stored as its code through {@link SkuConverter}. */
public record Sku(String code) {
}
