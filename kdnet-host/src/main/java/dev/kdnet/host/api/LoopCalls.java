package dev.kdnet.host.api;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Hands work from a caller's thread to a session's event loop and waits for outcomes with a timeout. */
final class LoopCalls {
    private static final Duration LOOP_TIMEOUT = Duration.ofSeconds(5);

    private final EventLoop loop;

    LoopCalls(EventLoop loop) {
        this.loop = loop;
    }

    /** Runs {@code task} on the loop and returns its result. */
    <T> T get(Callable<T> task) {
        if (loop.inEventLoop()) {
            throw new IllegalStateException("a blocking debugger call on the session's own event loop");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return await(result, LOOP_TIMEOUT, "the session's event loop");
    }

    /** Runs {@code task} on the loop and waits until it ran. */
    void run(Runnable task) {
        get(() -> {
            task.run();
            return null;
        });
    }

    /** Waits for {@code future}; a timeout becomes a {@link NoAnswerException} naming {@code what}. */
    static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new NoAnswerException(what, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DebuggerException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DebuggerException failure) {
                throw failure;
            }
            throw new DebuggerException("waiting for " + what + " failed", e.getCause());
        }
    }
}
