package dev.kdnet.host.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each event to every listener and subscription; a listener that throws is logged and kept. */
final class EventHub {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private final List<Consumer<? super DebuggerEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<EventSubscription> subscriptions = new CopyOnWriteArrayList<>();

    void addListener(Consumer<? super DebuggerEvent> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<? super DebuggerEvent> listener) {
        listeners.remove(listener);
    }

    EventSubscription subscribe() {
        EventSubscription subscription = new EventSubscription(subscriptions::remove);
        subscriptions.add(subscription);
        return subscription;
    }

    void publish(DebuggerEvent event) {
        for (Consumer<? super DebuggerEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("an event listener failed on {}", event, e);
            }
        }
        subscriptions.forEach(s -> s.offer(event));
    }
}
