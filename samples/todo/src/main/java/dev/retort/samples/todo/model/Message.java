package dev.retort.samples.todo.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.UUID;

/** One message of a conversation, the user's or the assistant's ({@code role}). */
@Entity
@Table(name = "messages",
        uniqueConstraints = @UniqueConstraint(name = "pk_messages", columnNames = "id"),
        // A conversation's messages in order.
        indexes = @Index(name = "ix_messages_conversation_id_created_at", columnList = "conversation_id, created_at"))
public class Message extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(options = User.RANDOM_UUID)
    UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "conversation_id", nullable = false,
            foreignKey = @ForeignKey(name = "fk_messages_conversation_id_conversations", options = "on delete cascade"))
    Conversation conversation;

    @Column(nullable = false, length = 20)
    String role;

    @Column(nullable = false, columnDefinition = "text")
    String content;

    protected Message() {
    }

    public Message(Conversation conversation, String role, String content) {
        this.conversation = conversation;
        this.role = role;
        this.content = content;
    }

    public UUID getId() {
        return id;
    }

    public String getRole() {
        return role;
    }

    public String getContent() {
        return content;
    }
}
