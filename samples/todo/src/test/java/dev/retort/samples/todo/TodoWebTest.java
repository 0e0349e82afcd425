package dev.retort.samples.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import dev.retort.spring.RetortEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The web application started for real, as {@code java -jar target/todo-app.jar} starts it, on {@code DATABASE_URL}
 * in the seed's form (on PostgreSQL {@code postgresql+asyncpg://…}, in a schema of the test's own): the starter
 * applies the migrations before JPA validates the entities against them; the README's requests (a user, a task
 * added, listed, completed, a conversation and its message) answer over HTTP; a second start applies nothing and
 * finds the data.
 */
class TodoWebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest
    // Not MariaDB: the seed's backend takes DATABASE_URL in asyncpg's form, for PostgreSQL (messaging is the MariaDB sample).
    @EnumSource(value = Kind.class, names = "MARIADB", mode = EnumSource.Mode.EXCLUDE)
    void migratesAtStartAndServesTheTasks(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            String databaseUrl = WorkflowTest.databaseUrl(db);
            String userId;
            try (var app = start(databaseUrl)) {
                assertEquals(List.of("20260201_initial", "6b9d2f4e8a1c"), app.applied);
                assertEquals(List.of("6b9d2f4e8a1c"), db.versionRows());

                JsonNode user = app.call("POST", "/api/users", "{\"email\": \"ada@example.com\"}", 201);
                userId = user.get("id").asText();
                JsonNode task = app.call("POST", "/api/" + userId + "/tasks",
                        "{\"title\": \"Buy groceries\", \"description\": \"milk, eggs\"}", 201);
                assertEquals("Buy groceries", task.get("title").asText());
                assertFalse(task.get("completed").asBoolean());
                assertFalse(task.get("createdAt").isNull(), "created_at is the database's default, read back");
                int taskId = task.get("id").asInt();

                JsonNode tasks = app.call("GET", "/api/" + userId + "/tasks", null, 200);
                assertEquals(1, tasks.size(), tasks.toString());
                assertEquals(taskId, tasks.get(0).get("id").asInt());
                assertEquals("milk, eggs", tasks.get(0).get("description").asText());

                assertTrue(app.call("PATCH", "/api/" + userId + "/tasks/" + taskId + "/complete", null, 200)
                        .get("completed").asBoolean());
                assertEquals(0, app.call("GET", "/api/" + userId + "/tasks?completed=false", null, 200).size());

                JsonNode conversation = app.call("POST", "/api/" + userId + "/conversations",
                        "{\"title\": \"Planning\"}", 201);
                String conversationId = conversation.get("id").asText();
                app.call("POST", "/api/" + userId + "/conversations/" + conversationId + "/messages",
                        "{\"role\": \"user\", \"content\": \"Add a task to buy groceries\"}", 201);
                assertEquals("Planning", app.call("GET", "/api/" + userId + "/conversations", null, 200)
                        .get(0).get("title").asText());
                assertEquals("Add a task to buy groceries", app.call("GET", "/api/" + userId + "/conversations/"
                        + conversationId + "/messages", null, 200).get(0).get("content").asText());
                app.call("GET", "/api/" + java.util.UUID.randomUUID() + "/tasks", null, 404);
            }

            try (var again = start(databaseUrl)) {
                assertEquals(List.of(), again.applied, "the second start has nothing to apply");
                JsonNode tasks = again.call("GET", "/api/" + userId + "/tasks?completed=true", null, 200);
                assertEquals(List.of("Buy groceries"), List.of(tasks.get(0).get("title").asText()));
            }
        }
    }

    private static App start(String databaseUrl) {
        List<String> applied = new ArrayList<>();
        ApplicationListener<ApplicationEvent> steps = event -> {
            if (event instanceof RetortEvent.StepFinished step) {
                applied.add(step.step().revision());
            }
        };
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TodoApp.class)
                .listeners(steps)
                .run("--DATABASE_URL=" + databaseUrl, "--server.port=0", "--logging.level.root=warn");
        return new App(context, applied);
    }

    private record App(ConfigurableApplicationContext context, List<String> applied) implements AutoCloseable {

        JsonNode call(String method, String path, String body, int status) throws Exception {
            String port = context.getEnvironment().getProperty("local.server.port");
            assertNotNull(port);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
            return response.body().isEmpty() ? null : JSON.readTree(response.body());
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
