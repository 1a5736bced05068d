package dev.kdnet.it.host;

import dev.kdnet.host.api.Debugger;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A background thread that reads a marker the test wrote into a target's physical memory through a debugger, again
 * and again with a pause between reads, until closed: it counts the reads that returned the marker and keeps the
 * first that did not (wrong bytes, or an exception).
 */
final class MarkerReader implements AutoCloseable {
    private final Debugger debugger;
    private final long address;
    private final byte[] marker;
    private final Duration pause;
    private final AtomicLong good = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    MarkerReader(Debugger debugger, long address, byte[] marker, Duration pause) {
        this.debugger = debugger;
        this.address = address;
        this.marker = marker.clone();
        this.pause = pause;
        this.thread = new Thread(this::readUntilClosed, "marker-reader-" + debugger.port());
        thread.setDaemon(true);
        thread.start();
    }

    private void readUntilClosed() {
        while (!stop.get()) {
            try {
                byte[] read = debugger.readPhysical(address, marker.length).bytes();
                if (Arrays.equals(read, marker)) {
                    good.incrementAndGet();
                } else {
                    firstFailure.compareAndSet(null, "read " + read.length + " bytes that differ from the marker");
                }
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                firstFailure.compareAndSet(null, e.toString());
            }
        }
    }

    /** Reads that returned the marker. */
    long good() {
        return good.get();
    }

    /** The first read that did not, or null. */
    String firstFailure() {
        return firstFailure.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join(TimeUnit.SECONDS.toMillis(15));
    }
}
