package dev.retort.runtime.cli;

import dev.retort.runtime.StepListener;
import dev.retort.runtime.StepResult;
import java.io.PrintWriter;

/** Prints each step as it finishes: number, direction, revisions, message, time. */
final class Progress implements StepListener {

    private final PrintWriter out;

    Progress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void starting(String revision, String message, int number, int total) {
        out.flush();
    }

    @Override
    public void finished(StepResult step, int number, int total) {
        String from = step.from().isEmpty() ? "<base>" : String.join(", ", step.from());
        String to = step.to().isEmpty() ? "<base>" : String.join(", ", step.to());
        out.printf("[%d/%d] %-9s %s -> %s%s (%d ms)%n", number, total, step.direction().label(), from, to,
                step.message().isEmpty() ? "" : ", " + step.message(), step.duration().toMillis());
        out.flush();
    }

    @Override
    public void warning(String message) {
        out.println("warning: " + Display.escape(message, false));
        out.flush();
    }
}
