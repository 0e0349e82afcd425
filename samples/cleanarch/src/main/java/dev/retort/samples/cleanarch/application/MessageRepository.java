package dev.retort.samples.cleanarch.application;

import dev.retort.samples.cleanarch.domain.Message;
import java.util.List;

/** What the application needs from persistence; the infrastructure layer implements it. */
public interface MessageRepository {

    Message add(long conversationId, String role, String content);

    List<Message> conversation(long conversationId);
}
