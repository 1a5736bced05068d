package dev.kdnet.host.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One physical-memory dump that goes on past what ends a plain read, on the event loop. When the target reboots
 * under it, the dump waits for the debugger to attach again, says so through {@link Progress#resumedAfterReboot},
 * and asks for the first byte it has not received. When a chunk gets no answer with no reboot behind it, the dump
 * asks for that chunk again, up to {@link #RE_ASKS} times in a row. Any other failure ends it, and so does a cancel of
 * its future (before the next chunk).
 */
final class ResumingDump {
    /** How many times in a row one chunk is asked for again after it got no answer. */
    static final int RE_ASKS = 3;

    /** What the dump needs from its debugger engine (called on the event loop). */
    interface Debuggee {
        /** How many times the target has handshaken again (rebooted) so far. */
        long reboots();

        /** The CPU to read on; throws a {@link DebuggerException} if the target is not stopped. */
        int stoppedCpu();

        /** Completes once the debugger has attached again, or fails after {@code timeout}. */
        CompletableFuture<?> attachAgain(Duration timeout);
    }

    private final Transfers memory;
    private final Debuggee target;
    private final ReadBuffer dump;
    private final Progress progress;
    private final Duration reattachTimeout;
    private final CompletableFuture<MemoryRead> result = new CompletableFuture<>();
    private long reboots;
    private int failedAt = -1;
    private int reAsks;

    private ResumingDump(Transfers memory, Debuggee target, long address, int length, Progress progress,
            Duration reattachTimeout) {
        this.memory = memory;
        this.target = target;
        this.dump = new ReadBuffer(address, length);
        this.progress = progress;
        this.reattachTimeout = reattachTimeout;
        this.reboots = target.reboots();
    }

    /**
     * Reads {@code length} bytes of physical memory from {@code address}, across any number of reboots; fails
     * with {@link NotAttachedException} if the target rebooted and did not attach again within
     * {@code reattachTimeout} (the message says how far the dump got).
     */
    static CompletableFuture<MemoryRead> start(Transfers memory, Debuggee target, long address, int length,
            Progress progress, Duration reattachTimeout) {
        ResumingDump dump = new ResumingDump(memory, target, address, length, progress, reattachTimeout);
        dump.readOn();
        return dump.result;
    }

    private void readOn() {
        if (result.isDone()) {
            return;
        }
        int cpu;
        try {
            cpu = target.stoppedCpu();
        } catch (DebuggerException e) {
            failed(e);
            return;
        }
        CompletableFuture<Void> reading = memory.readInto(MemorySpace.PHYSICAL, cpu, dump, progress);
        Cancellation.reaching(reading, result);
        reading.whenComplete((done, failure) -> {
            if (failure == null) {
                result.complete(dump.result());
            } else {
                failed(Failures.cause(failure));
            }
        });
    }

    private void failed(Throwable failure) {
        if (target.reboots() != reboots) {
            reboots = target.reboots();
            reAsks = 0;
            attachAgain();
            return;
        }
        if (failedAt != dump.received()) {
            failedAt = dump.received();
            reAsks = 0;
        }
        if (failure instanceof NoAnswerException && reAsks < RE_ASKS) {
            reAsks++;
            readOn();
        } else {
            result.completeExceptionally(failure);
        }
    }

    private void attachAgain() {
        target.attachAgain(reattachTimeout).whenComplete((attached, failure) -> {
            if (failure != null) {
                result.completeExceptionally(new NotAttachedException(String.format(
                        "the target rebooted at 0x%X of 0x%X bytes of the dump and did not attach again: %s",
                        dump.received(), dump.length(), Failures.cause(failure).getMessage())));
                return;
            }
            progress.resumedAfterReboot(dump.received(), dump.length());
            readOn();
        });
    }
}
