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

/** A todo item, numbered by the database. */
@Entity
@Table(name = "tasks",
        uniqueConstraints = @UniqueConstraint(name = "pk_tasks", columnNames = "id"),
        // A user's open tasks.
        indexes = @Index(name = "ix_tasks_user_id_completed", columnList = "user_id, completed"))
public class Task extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Integer id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false,
            foreignKey = @ForeignKey(name = "fk_tasks_user_id_users", options = "on delete cascade"))
    User user;

    @Column(nullable = false)
    String title;

    @Column(columnDefinition = "text")
    String description;

    @Column(nullable = false, options = "default false")
    boolean completed;

    protected Task() {
    }

    public Task(User user, String title, String description) {
        this.user = user;
        this.title = title;
        this.description = description;
    }

    public Integer getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public boolean isCompleted() {
        return completed;
    }

    public void complete() {
        completed = true;
    }
}
