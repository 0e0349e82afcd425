package dev.retort.samples.todo.web;

import dev.retort.samples.todo.model.Conversation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** A user's conversations ({@code ix_conversations_user_id}). */
public interface ConversationRepository extends JpaRepository<Conversation, UUID> {

    List<Conversation> findByUser_IdOrderByCreatedAt(UUID userId);

    Optional<Conversation> findByIdAndUser_Id(UUID id, UUID userId);
}
