package dev.retort.samples.todo.model;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.List;
import java.util.UUID;

/** A chat session of a user's. */
@Entity
@Table(name = "conversations",
        uniqueConstraints = @UniqueConstraint(name = "pk_conversations", columnNames = "id"),
        indexes = @Index(name = "ix_conversations_user_id", columnList = "user_id"))
public class Conversation extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(options = User.RANDOM_UUID)
    UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false,
            foreignKey = @ForeignKey(name = "fk_conversations_user_id_users", options = "on delete cascade"))
    User user;

    String title;

    @OneToMany(mappedBy = "conversation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt")
    List<Message> messages;

    protected Conversation() {
    }

    public Conversation(User user, String title) {
        this.user = user;
        this.title = title;
    }

    public UUID getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }
}
