package dev.kdnet.host.api;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The failure behind a future's completion, without the wrappers the futures add. */
final class Failures {
    private Failures() {
    }

    /** The cause that {@code failure} wraps, or {@code failure} itself. */
    static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
