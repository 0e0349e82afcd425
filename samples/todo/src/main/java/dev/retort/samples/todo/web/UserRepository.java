package dev.retort.samples.todo.web;

import dev.retort.samples.todo.model.User;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserRepository extends JpaRepository<User, UUID> {
}
