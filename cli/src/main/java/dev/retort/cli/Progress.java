package dev.retort.cli;

import dev.retort.runtime.StepListener;
import dev.retort.runtime.StepResult;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prints each step as it finishes: number, direction, revisions, message, time. On a terminal, a
 * step still running after {@link #AFTER} shows a line saying so, counting the seconds, which the
 * finished line then replaces; piped output gets only the finished lines. Closed when the command
 * ends, however it ends: a step that failed leaves its running line ended, not overwritten.
 */
final class Progress implements StepListener, AutoCloseable {

    static final Duration AFTER = Duration.ofSeconds(2);

    private final PrintWriter out;
    private final boolean terminal;
    private final Duration after;
    private ScheduledExecutorService clock;
    private ScheduledFuture<?> ticking;
    private boolean shown;

    Progress(PrintWriter out) {
        this(out, isTerminal(), AFTER);
    }

    Progress(PrintWriter out, boolean terminal, Duration after) {
        this.out = out;
        this.terminal = terminal;
        this.after = after;
    }

    @Override
    public synchronized void starting(String revision, String message, int number, int total) {
        out.flush();
        if (!terminal) {
            return;
        }
        if (clock == null) {
            clock = Executors.newSingleThreadScheduledExecutor(r -> {
                var thread = new Thread(r, "retort-progress");
                thread.setDaemon(true);
                return thread;
            });
        }
        long started = System.nanoTime();
        String step = String.format("[%d/%d] %s%s", number, total, revision, message.isEmpty() ? "" : ", " + message);
        ticking = clock.scheduleAtFixedRate(() -> tick(step, started), after.toMillis(), 1000, TimeUnit.MILLISECONDS);
    }

    private synchronized void tick(String step, long started) {
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        out.print("\r" + Display.escape(step, false) + " … running, " + seconds + " s");
        out.flush();
        shown = true;
    }

    @Override
    public synchronized void finished(StepResult step, int number, int total) {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        if (shown) {
            out.print("\r\033[2K"); // the running line gives way to the finished one
            shown = false;
        }
        String from = step.from().isEmpty() ? "<base>" : String.join(", ", step.from());
        String to = step.to().isEmpty() ? "<base>" : String.join(", ", step.to());
        out.printf("[%d/%d] %-9s %s -> %s%s (%d ms)%n", number, total, step.direction().label(), from, to,
                step.message().isEmpty() ? "" : ", " + step.message(), step.duration().toMillis());
        out.flush();
    }

    /** Stops the clock; a running line still shown is ended, so that what follows starts a line of its own. */
    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        if (shown) {
            out.println();
            out.flush();
            shown = false;
        }
        if (clock != null) {
            clock.shutdownNow();
            clock = null;
        }
    }

    @Override
    public synchronized void warning(String message) {
        out.println("warning: " + Display.escape(message, false));
        out.flush();
    }

    /**
     * Whether standard output is a terminal. Java 22 and later give a Console when output is
     * piped too, and say which with {@code isTerminal()}; Java 17 gives none then.
     */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) MethodHandles.publicLookup()
                    .findVirtual(Console.class, "isTerminal", MethodType.methodType(boolean.class)).invoke(console);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return true;
        } catch (Throwable e) {
            return false;
        }
    }
}
