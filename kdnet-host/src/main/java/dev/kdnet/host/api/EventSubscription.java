package dev.kdnet.host.api;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A queue of the {@link DebuggerEvent}s that happen after it was opened. It holds at most {@value #CAPACITY}
 * events; when full, the oldest is dropped. Close it to stop receiving.
 */
public final class EventSubscription implements AutoCloseable {
    /** The most events held. */
    public static final int CAPACITY = 10_000;

    private final BlockingQueue<DebuggerEvent> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Runnable unsubscribe;

    EventSubscription(java.util.function.Consumer<EventSubscription> unsubscribe) {
        this.unsubscribe = () -> unsubscribe.accept(this);
    }

    void offer(DebuggerEvent event) {
        while (!queue.offer(event)) {
            queue.poll();
        }
    }

    /** The next event, waiting up to {@code timeout}; empty if none came. */
    public Optional<DebuggerEvent> poll(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** The next event of type {@code type} that matches {@code test}, skipping others, waiting up to {@code timeout}. */
    public <E extends DebuggerEvent> Optional<E> next(Class<E> type, Predicate<? super E> test, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            DebuggerEvent event = queue.poll(left, TimeUnit.NANOSECONDS);
            if (type.isInstance(event) && test.test(type.cast(event))) {
                return Optional.of(type.cast(event));
            }
        }
        return Optional.empty();
    }

    /** Stops receiving events. */
    @Override
    public void close() {
        unsubscribe.run();
    }
}
