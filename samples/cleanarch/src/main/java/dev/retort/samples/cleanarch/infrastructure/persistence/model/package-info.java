/**
 * The persistence layer's model: the relational schema the application wants, declared in Java,
 * as the seed's {@code models_relational.py} was Alembic's {@code target_metadata}.
 */
package dev.retort.samples.cleanarch.infrastructure.persistence.model;
