package dev.kdnet.host.relay;

import java.time.Duration;

/** Runs a task of a direction after a wait, on the thread that feeds the direction. */
@FunctionalInterface
interface HoldTimer {
    /** Runs {@code task} once {@code wait} has passed. */
    void after(Duration wait, Runnable task);
}
