package dev.kdnet.protocol.testing;

import dev.kdnet.protocol.link.KdScheduler;
import java.time.Duration;
import java.util.PriorityQueue;

/** A virtual clock for tests: tasks run only when {@link #advance} moves time past them, in time order. */
public final class ManualScheduler implements KdScheduler {
    private record Task(long due, long order, Runnable action, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private long now;
    private long order;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Timer schedule(Runnable task, long delayNanos) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now + Math.max(0, delayNanos), order++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves the clock forward by {@code step}, running every task that falls due on the way. */
    public void advance(Duration step) {
        long end = now + step.toNanos();
        while (!tasks.isEmpty() && tasks.peek().due <= end) {
            Task task = tasks.poll();
            now = task.due;
            if (!task.cancelled[0]) {
                task.action.run();
            }
        }
        now = end;
    }

    /** Runs everything due now (tasks with zero delay). */
    public void runDue() {
        advance(Duration.ZERO);
    }
}
