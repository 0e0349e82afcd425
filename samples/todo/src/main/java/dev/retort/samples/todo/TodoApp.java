package dev.retort.samples.todo;

import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import java.io.PrintStream;

/**
 * The Todo backend's start: {@code DATABASE_URL} as the seed's {@code .env} has it
 * ({@code postgresql+asyncpg://user:password@host:5432/database}, which Retort reads as a
 * PostgreSQL URL: the async driver was Python's business), upgraded to head before serving.
 */
public final class TodoApp {

    private TodoApp() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv("DATABASE_URL"), System.out, System.err));
    }

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
