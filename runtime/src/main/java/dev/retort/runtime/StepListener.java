package dev.retort.runtime;

/** Hears about each step of a run as it happens: the command line prints progress with it. */
public interface StepListener {

    StepListener NONE = new StepListener() {
    };

    /** Before step {@code number} of {@code total} (counting from 1) starts. */
    default void starting(String revision, String message, int number, int total) {
    }

    /** After a step committed. */
    default void finished(StepResult step, int number, int total) {
    }

    /**
     * Something the operator should know before the run goes on: an applied revision whose ops
     * changed, or a migration that failed outside a transaction and left the database in between.
     */
    default void warning(String message) {
    }
}
