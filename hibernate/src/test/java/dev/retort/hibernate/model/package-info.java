/**
 * A JPA model of a small shop, built by the tests: relationships with cascades, a join table, an
 * embeddable, enums stored both ways, both inheritance strategies, a converter, UUID ids and the
 * three time types. Each test reads back what Hibernate made of it.
 */
package dev.retort.hibernate.model;
