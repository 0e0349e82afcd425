package dev.retort.samples.messaging;

import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import dev.retort.runtime.StepListener;
import dev.retort.runtime.StepResult;
import java.io.PrintStream;

/**
 * The messaging backend's start: bring the database to head, say what was applied and where it
 * stands. {@code DATABASE_URL} chooses the database (the seed's {@code postgresql://…} forms work);
 * without it, an SQLite file {@code messaging.db} in the working directory.
 */
public final class MessagingApp {

    static final String DEFAULT_URL = "sqlite:///messaging.db";

    private MessagingApp() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv().getOrDefault("DATABASE_URL", DEFAULT_URL), System.out, System.err));
    }

    static int run(String url, PrintStream out, PrintStream err) {
        try {
            Retort retort = Retort.configure().url(url).listener(new StepListener() {
                @Override
                public void finished(StepResult step, int number, int total) {
                    out.printf("  applied %s  %s (%d ms)%n", step.revision(), step.message(), step.duration().toMillis());
                }
            }).build();
            out.println("Messaging: migrating " + retort.database());
            RunResult result = retort.upgrade("head");
            String at = result.headsAfter().isEmpty() ? "base" : String.join(", ", result.headsAfter());
            if (result.nothingToDo()) {
                out.println("Database is at " + at + " (head); nothing to apply.");
            } else {
                out.println("Applied " + result.steps().size() + " migration" + (result.steps().size() == 1 ? "" : "s")
                        + "; database is at " + at + " (head).");
            }
            return 0;
        } catch (RetortException e) {
            err.println("messaging: " + e.getMessage());
            return e.code().exitCode();
        }
    }
}
