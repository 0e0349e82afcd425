package dev.retort.samples.todo.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "users", uniqueConstraints = {
        // On exactly the key's columns, a named unique constraint names the primary key (Hibernate's reading;
        // JPA has no name for a key), so the key is pk_users, as Retort's naming convention calls it.
        @UniqueConstraint(name = "pk_users", columnNames = "id"),
        @UniqueConstraint(name = "uq_users_email", columnNames = "email")})
public class User extends Timestamped {

    /**
     * The application's Hibernate makes the id; the database's default makes it for rows inserted by
     * SQL. In parentheses, which PostgreSQL drops and SQLite needs around a call.
     */
    static final String RANDOM_UUID = "default (gen_random_uuid())";

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(options = RANDOM_UUID)
    UUID id;

    @Column(nullable = false)
    String email;

    // The session's cascade; the database's is the foreign key's ON DELETE CASCADE.
    @OneToMany(mappedBy = "user", cascade = CascadeType.ALL, orphanRemoval = true)
    List<Conversation> conversations;

    @OneToMany(mappedBy = "user", cascade = CascadeType.ALL, orphanRemoval = true)
    List<Task> tasks;

    protected User() {
    }

    public User(String email) {
        this.email = email;
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }
}
