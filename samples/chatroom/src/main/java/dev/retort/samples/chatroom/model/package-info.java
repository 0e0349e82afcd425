/**
 * The chatroom's model: the schema it wants, declared in Java, as the seed's
 * {@code Models/database_models.py} was Alembic's {@code target_metadata}.
 */
package dev.retort.samples.chatroom.model;
