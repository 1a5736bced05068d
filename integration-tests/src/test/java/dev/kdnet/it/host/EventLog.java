package dev.kdnet.it.host;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerEvent;
import dev.kdnet.host.api.EventSubscription;
import dev.kdnet.host.api.Stop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every event a debugger publishes from the moment this log is opened, kept in order: a test waits for the events
 * it needs without losing the others, and checks the whole stream at the end.
 */
final class EventLog implements AutoCloseable {
    private final EventSubscription subscription;
    private final List<DebuggerEvent> events = new ArrayList<>();

    EventLog(Debugger debugger) {
        subscription = debugger.subscribe();
    }

    /** Waits up to {@code timeout} for an event of {@code type} after those already logged; empty if none came. */
    <E extends DebuggerEvent> Optional<E> awaitNext(Class<E> type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Optional<DebuggerEvent> event = subscription.poll(Duration.ofNanos(left));
            if (event.isEmpty()) {
                break;
            }
            events.add(event.get());
            if (type.isInstance(event.get())) {
                return Optional.of(type.cast(event.get()));
            }
        }
        return Optional.empty();
    }

    /** Logs the events already waiting, so that a wait that follows sees only newer ones. */
    void drain() throws InterruptedException {
        logUntilQuietFor(Duration.ZERO);
    }

    /** Logs whatever arrives within {@code quiet} of the previous event, then returns every event logged. */
    List<DebuggerEvent> settle(Duration quiet) throws InterruptedException {
        logUntilQuietFor(quiet);
        return List.copyOf(events);
    }

    private void logUntilQuietFor(Duration quiet) throws InterruptedException {
        for (Optional<DebuggerEvent> event = subscription.poll(quiet); event.isPresent();
                event = subscription.poll(quiet)) {
            events.add(event.get());
        }
    }

    /** The stops among the events logged so far, in order. */
    List<Stop> stops() {
        return events.stream().filter(DebuggerEvent.Stopped.class::isInstance)
                .map(e -> ((DebuggerEvent.Stopped) e).stop()).toList();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
