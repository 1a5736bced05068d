package dev.kdnet.protocol.netty;

import dev.kdnet.protocol.link.KdScheduler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** Runs a {@link dev.kdnet.protocol.link.KdLink}'s timers on the Netty event loop that owns its session. */
public final class EventLoopScheduler implements KdScheduler {
    private final EventExecutor loop;

    /** A scheduler on {@code loop}; the link must be called only from that loop's thread. */
    public EventLoopScheduler(EventExecutor loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Timer schedule(Runnable task, long delayNanos) {
        ScheduledFuture<?> future = loop.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
