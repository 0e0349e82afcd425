package dev.retort.samples.cleanarch.application;

import dev.retort.samples.cleanarch.domain.Message;
import java.util.List;

/** A use case: post a message and read the conversation back. */
public final class ConversationService {

    private final MessageRepository messages;

    public ConversationService(MessageRepository messages) {
        this.messages = messages;
    }

    public List<Message> post(long conversationId, String text) {
        messages.add(conversationId, "user", text);
        return messages.conversation(conversationId);
    }
}
