package dev.retort.samples.todo.web;

import dev.retort.samples.todo.model.Conversation;
import dev.retort.samples.todo.model.Message;
import dev.retort.samples.todo.model.Task;
import dev.retort.samples.todo.model.User;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The seed's REST API, the part that touches the schema: users, a user's tasks (add, list, complete)
 * and conversations with their messages. The chatbot itself, which calls these, is not the sample's.
 */
@RestController
@RequestMapping("/api")
@Transactional
public class TodoController {

    public record NewUser(String email) {
    }

    public record UserView(UUID id, String email) {
        static UserView of(User user) {
            return new UserView(user.getId(), user.getEmail());
        }
    }

    public record NewTask(String title, String description) {
    }

    public record TaskView(Integer id, String title, String description, boolean completed, OffsetDateTime createdAt) {
        static TaskView of(Task task) {
            return new TaskView(task.getId(), task.getTitle(), task.getDescription(), task.isCompleted(),
                    task.getCreatedAt());
        }
    }

    public record NewConversation(String title) {
    }

    public record ConversationView(UUID id, String title, OffsetDateTime createdAt) {
        static ConversationView of(Conversation conversation) {
            return new ConversationView(conversation.getId(), conversation.getTitle(), conversation.getCreatedAt());
        }
    }

    public record NewMessage(String role, String content) {
    }

    public record MessageView(UUID id, String role, String content, OffsetDateTime createdAt) {
        static MessageView of(Message message) {
            return new MessageView(message.getId(), message.getRole(), message.getContent(), message.getCreatedAt());
        }
    }

    private final UserRepository users;
    private final TaskRepository tasks;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final EntityManager entityManager;

    public TodoController(UserRepository users, TaskRepository tasks, ConversationRepository conversations,
            MessageRepository messages, EntityManager entityManager) {
        this.users = users;
        this.tasks = tasks;
        this.conversations = conversations;
        this.messages = messages;
        this.entityManager = entityManager;
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    public UserView addUser(@RequestBody NewUser body) {
        required("email", body.email());
        return UserView.of(users.save(new User(body.email())));
    }

    @PostMapping("/{userId}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    public TaskView addTask(@PathVariable("userId") UUID userId, @RequestBody NewTask body) {
        required("title", body.title());
        return TaskView.of(inserted(tasks.save(new Task(user(userId), body.title(), body.description()))));
    }

    @GetMapping("/{userId}/tasks")
    @Transactional(readOnly = true)
    public List<TaskView> tasks(@PathVariable("userId") UUID userId, @RequestParam(name = "completed", required = false) Boolean completed) {
        user(userId);
        List<Task> found = completed == null ? tasks.findByUser_IdOrderById(userId)
                : tasks.findByUser_IdAndCompletedOrderById(userId, completed);
        return found.stream().map(TaskView::of).toList();
    }

    @PatchMapping("/{userId}/tasks/{taskId}/complete")
    public TaskView complete(@PathVariable("userId") UUID userId, @PathVariable("taskId") Integer taskId) {
        Task task = tasks.findByIdAndUser_Id(taskId, userId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no task " + taskId));
        task.complete();
        return TaskView.of(task);
    }

    @PostMapping("/{userId}/conversations")
    @ResponseStatus(HttpStatus.CREATED)
    public ConversationView addConversation(@PathVariable("userId") UUID userId, @RequestBody NewConversation body) {
        return ConversationView.of(inserted(conversations.save(new Conversation(user(userId), body.title()))));
    }

    @GetMapping("/{userId}/conversations")
    @Transactional(readOnly = true)
    public List<ConversationView> conversations(@PathVariable("userId") UUID userId) {
        user(userId);
        return conversations.findByUser_IdOrderByCreatedAt(userId).stream().map(ConversationView::of).toList();
    }

    @PostMapping("/{userId}/conversations/{conversationId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    public MessageView addMessage(@PathVariable("userId") UUID userId, @PathVariable("conversationId") UUID conversationId,
            @RequestBody NewMessage body) {
        required("role", body.role());
        required("content", body.content());
        return MessageView.of(inserted(messages.save(new Message(conversation(userId, conversationId), body.role(),
                body.content()))));
    }

    @GetMapping("/{userId}/conversations/{conversationId}/messages")
    @Transactional(readOnly = true)
    public List<MessageView> messages(@PathVariable("userId") UUID userId, @PathVariable("conversationId") UUID conversationId) {
        conversation(userId, conversationId);
        return messages.findByConversation_IdOrderByCreatedAt(conversationId).stream().map(MessageView::of).toList();
    }

    private User user(UUID userId) {
        return users.findById(userId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + userId));
    }

    private Conversation conversation(UUID userId, UUID conversationId) {
        return conversations.findByIdAndUser_Id(conversationId, userId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation " + conversationId));
    }

    /** Written, then read back: created_at and updated_at are the database's (its default). */
    private <T> T inserted(T entity) {
        entityManager.flush();
        entityManager.refresh(entity);
        return entity;
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + " is required");
        }
    }
}
