package dev.retort.spring;

import dev.retort.runtime.Retort;
import dev.retort.runtime.StepListener;
import dev.retort.runtime.StepResult;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The runtime's step listener that publishes each step as a {@link RetortEvent} and passes it on
 * to the application's own {@link StepListener} beans.
 */
final class EventPublishingListener implements StepListener {

    private final ApplicationEventPublisher publisher;
    private final List<StepListener> listeners;
    /** The Retort this listener is configured into, known only once it is built. */
    private final Supplier<Retort> retort;

    EventPublishingListener(ApplicationEventPublisher publisher, List<StepListener> listeners, Supplier<Retort> retort) {
        this.publisher = publisher;
        this.listeners = List.copyOf(listeners);
        this.retort = retort;
    }

    @Override
    public void starting(String revision, String message, int number, int total) {
        listeners.forEach(l -> l.starting(revision, message, number, total));
        publisher.publishEvent(new RetortEvent.StepStarting(retort.get(), revision, message, number, total));
    }

    @Override
    public void finished(StepResult step, int number, int total) {
        listeners.forEach(l -> l.finished(step, number, total));
        publisher.publishEvent(new RetortEvent.StepFinished(retort.get(), step, number, total));
    }

    @Override
    public void warning(String message) {
        listeners.forEach(l -> l.warning(message));
        publisher.publishEvent(new RetortEvent.Warning(retort.get(), message));
    }
}
