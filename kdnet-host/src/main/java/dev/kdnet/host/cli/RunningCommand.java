package dev.kdnet.host.cli;

import java.util.function.BooleanSupplier;

/**
 * The prompt's command under way, which Ctrl-C interrupts: the interrupt cancels what the command waits for (a
 * transfer stops, {@code g} breaks in). An interrupt that comes after the command ended is dropped, so it cannot
 * reach the next command or the line editor.
 */
final class RunningCommand {
    private Thread thread;

    /** Runs {@code command} on this thread, interruptible by {@link #interrupt()}; returns its outcome. */
    boolean run(BooleanSupplier command) {
        synchronized (this) {
            thread = Thread.currentThread();
        }
        try {
            return command.getAsBoolean();
        } finally {
            synchronized (this) {
                thread = null;
                Thread.interrupted();
            }
        }
    }

    /** Interrupts the command under way; false if none runs. */
    synchronized boolean interrupt() {
        if (thread == null) {
            return false;
        }
        thread.interrupt();
        return true;
    }
}
