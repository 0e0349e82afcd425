package dev.retort.samples.cleanarch.domain;

/** A message in a conversation: the domain knows nothing of tables or migrations. */
public record Message(long id, long conversationId, String role, String content) {
}
