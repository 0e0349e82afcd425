package dev.retort.samples.chat;

import dev.retort.RetortException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import dev.retort.schema.NamingConvention;
import java.io.PrintStream;

/**
 * The chat backend's start, in the seed's two modes ({@code CHAT_MODE}): {@code development}
 * builds and updates the schema from the migrations (an empty database gets every table);
 * {@code production} never migrates and refuses to start while migrations are pending, because
 * there they are applied on purpose, after a backup ({@code retort backup}, {@code retort upgrade
 * head}). {@code DATABASE_URL} chooses the database; without it, {@code chat.db} here.
 */
public final class ChatApp {

    static final String DEFAULT_URL = "sqlite:///chat.db";

    /** The application had no naming convention: its database named the constraints, and still does. */
    static final NamingConvention NAMING = NamingConvention.database();

    private ChatApp() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv().getOrDefault("DATABASE_URL", DEFAULT_URL),
                System.getenv().getOrDefault("CHAT_MODE", "development"), System.out, System.err));
    }

    static int run(String url, String mode, PrintStream out, PrintStream err) {
        try {
            Retort retort = Retort.configure().url(url).namingConvention(NAMING).build();
            switch (mode) {
                case "development" -> {
                    RunResult result = retort.upgrade("head");
                    out.println("Development mode: " + (result.nothingToDo() ? "schema up to date"
                            : "applied " + result.steps().size() + " migration(s)") + " at " + retort.currentHeads()
                            + "; starting.");
                }
                case "production" -> {
                    Retort.Status status = retort.status();
                    if (!status.upToDate()) {
                        err.println("chat: " + status.pending().size() + " migration(s) pending " + status.pending()
                                + "; production applies them on purpose: run 'retort backup' and 'retort upgrade head',"
                                + " then start again");
                        return 1;
                    }
                    out.println("Production mode: database at " + status.current() + "; starting.");
                }
                default -> {
                    err.println("chat: CHAT_MODE '" + mode + "' is not development or production");
                    return 2;
                }
            }
            return 0;
        } catch (RetortException e) {
            err.println("chat: " + e.getMessage());
            return e.code().exitCode();
        }
    }
}
