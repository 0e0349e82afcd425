package dev.retort.samples.todo.web;

import dev.retort.samples.todo.model.Task;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** A user's tasks; {@code ix_tasks_user_id_completed} serves the open ones. */
public interface TaskRepository extends JpaRepository<Task, Integer> {

    List<Task> findByUser_IdOrderById(UUID userId);

    List<Task> findByUser_IdAndCompletedOrderById(UUID userId, boolean completed);

    Optional<Task> findByIdAndUser_Id(Integer id, UUID userId);
}
