package dev.kdnet.host.api;

import java.util.concurrent.CompletableFuture;

/**
 * Cancellation handed back along a chain of futures: {@link CompletableFuture}'s derived futures do not cancel what
 * they derive from, so a caller's cancel would not reach the work behind it without this.
 */
final class Cancellation {
    private Cancellation() {
    }

    /** {@code derived}, which cancels {@code source} when it is cancelled. */
    static <T> CompletableFuture<T> reaching(CompletableFuture<?> source, CompletableFuture<T> derived) {
        derived.whenComplete((value, failure) -> {
            if (derived.isCancelled()) {
                source.cancel(false);
            }
        });
        return derived;
    }
}
