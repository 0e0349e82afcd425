/**
 * The chat backend's model: the schema it wants, declared in Java, as its SQLAlchemy models
 * ({@code ChatModel}, {@code MessageModel}) were Alembic's {@code target_metadata}.
 */
package dev.retort.samples.chat.model;
