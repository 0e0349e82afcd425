package dev.retort.samples.todo;

import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import java.io.PrintStream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Todo backend: a Spring Boot web application on {@code DATABASE_URL} as the seed's {@code .env} has it
 * ({@code postgresql+asyncpg://user:password@host:5432/database}, see {@link DatabaseUrlEnvironment}), whose
 * schema retort-spring-boot-starter upgrades to head at start, before the EntityManagerFactory is made.
 */
@SpringBootApplication
public class TodoApp {

    public static void main(String[] args) {
        SpringApplication.run(TodoApp.class, args);
    }

    /**
     * The same start without Spring, as the sample's plain main did before it served anything: upgrade the
     * database of {@code databaseUrl} to head and say where it is. {@code WorkflowTest} runs it after the
     * seed's commands; the application itself goes through the starter.
     */
    static int run(String databaseUrl, PrintStream out, PrintStream err) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            err.println("todo: DATABASE_URL is not set; for example"
                    + " DATABASE_URL=postgresql+asyncpg://user:password@host:5432/database");
            return 2;
        }
        try {
            Retort retort = Retort.configure().url(databaseUrl).build();
            RunResult result = retort.upgrade("head");
            out.println("todo: " + retort.database() + " at " + retort.currentHeads()
                    + (result.nothingToDo() ? "" : " (" + result.steps().size() + " migration(s) applied)") + "; serving.");
            return 0;
        } catch (RetortException e) {
            err.println("todo: " + e.getMessage());
            return e.code().exitCode();
        }
    }
}
