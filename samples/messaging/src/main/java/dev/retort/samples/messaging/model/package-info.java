/**
 * The messaging backend's model: the schema it wants, declared in Java, as the seed's
 * {@code backend/db/models.py} was Alembic's {@code target_metadata}.
 */
package dev.retort.samples.messaging.model;
