package dev.retort.samples.todo.web;

import dev.retort.samples.todo.model.Message;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** A conversation's messages in order ({@code ix_messages_conversation_id_created_at}). */
public interface MessageRepository extends JpaRepository<Message, UUID> {

    List<Message> findByConversation_IdOrderByCreatedAt(UUID conversationId);
}
