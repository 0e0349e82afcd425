package dev.retort.spring;

import dev.retort.runtime.Retort;
import org.springframework.context.ApplicationEvent;

/**
 * What a run of the configured {@link Retort} publishes as it goes: {@link StepStarting},
 * {@link StepFinished} and {@link Warning}, from the runtime's {@code StepListener}.
 *
 * <p>The start's run happens while the context is being refreshed: an {@code ApplicationListener}
 * bean (or one added to the {@code SpringApplication}) hears it; an {@code @EventListener} method
 * is registered only once every singleton exists, so it hears later runs only (a
 * {@code Retort} call the application makes itself).
 */
public abstract sealed class RetortEvent extends ApplicationEvent {

    private static final long serialVersionUID = 1L;

    RetortEvent(Retort source) {
        super(source);
    }

    public Retort retort() {
        return (Retort) getSource();
    }

    /** Before step {@code number} of {@code total} (counting from 1) starts. */
    public static final class StepStarting extends RetortEvent {
        private static final long serialVersionUID = 1L;
        private final String revision;
        private final String message;
        private final int number;
        private final int total;

        StepStarting(Retort source, String revision, String message, int number, int total) {
            super(source);
            this.revision = revision;
            this.message = message;
            this.number = number;
            this.total = total;
        }

        public String revision() {
            return revision;
        }

        public String message() {
            return message;
        }

        public int number() {
            return number;
        }

        public int total() {
            return total;
        }
    }

    /** After a step committed. */
    public static final class StepFinished extends RetortEvent {
        private static final long serialVersionUID = 1L;
        private final transient dev.retort.runtime.StepResult step;
        private final int number;
        private final int total;

        StepFinished(Retort source, dev.retort.runtime.StepResult step, int number, int total) {
            super(source);
            this.step = step;
            this.number = number;
            this.total = total;
        }

        public dev.retort.runtime.StepResult step() {
            return step;
        }

        public int number() {
            return number;
        }

        public int total() {
            return total;
        }
    }

    /** Something the operator should know: an applied revision that changed, a migration left half-done. */
    public static final class Warning extends RetortEvent {
        private static final long serialVersionUID = 1L;
        private final String message;

        Warning(Retort source, String message) {
            super(source);
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
