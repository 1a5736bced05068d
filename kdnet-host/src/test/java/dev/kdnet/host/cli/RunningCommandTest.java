package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ctrl-C reaches the command under way, and only it. */
@Timeout(30)
class RunningCommandTest {
    private final RunningCommand running = new RunningCommand();

    @Test
    void anInterruptWithNoCommandUnderWayIsDropped() {
        assertThat(running.interrupt()).isFalse();

        assertThat(running.run(() -> !Thread.currentThread().isInterrupted())).isTrue();
    }

    @Test
    void anInterruptReachesTheCommandAndNotWhatComesAfterIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean interruptedAfter = new AtomicBoolean(true);
        Thread prompt = new Thread(() -> {
            running.run(() -> {
                started.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    Thread.currentThread().interrupt();
                }
                return false;
            });
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        prompt.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(running.interrupt()).isTrue();
        prompt.join();

        assertThat(interrupted).isTrue();
        assertThat(interruptedAfter).as("the prompt's thread after the command").isFalse();
    }
}
