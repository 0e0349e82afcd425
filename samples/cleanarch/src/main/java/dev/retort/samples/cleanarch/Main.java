package dev.retort.samples.cleanarch;

import dev.retort.RetortException;
import dev.retort.runtime.RunResult;
import dev.retort.samples.cleanarch.application.ConversationService;
import dev.retort.samples.cleanarch.infrastructure.persistence.Database;
import dev.retort.samples.cleanarch.infrastructure.persistence.JdbcMessageRepository;
import java.io.PrintStream;
import java.util.Map;

/** Wires the layers: migrate before starting (the seed's production rule), then serve. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out, System.err));
    }

    static int run(Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            Database database = Database.fromEnvironment(environment);
            RunResult migrated = database.migrate();
            out.println("cleanarch: database at " + migrated.headsAfter() + (migrated.nothingToDo() ? ""
                    : " (" + migrated.steps().size() + " migration(s) applied)") + "; starting.");
            var service = new ConversationService(new JdbcMessageRepository(database));
            out.println("cleanarch: ready (" + service.getClass().getSimpleName() + ").");
            return 0;
        } catch (IllegalStateException e) {
            err.println("cleanarch: " + e.getMessage());
            return 2;
        } catch (RetortException e) {
            err.println("cleanarch: " + e.getMessage());
            return e.code().exitCode();
        }
    }
}
