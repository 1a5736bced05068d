package dev.kdnet.it.host;

import dev.kdnet.host.session.TargetSession;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A background thread sending the datagrams of a supplier from one socket to one address, as fast as its
 * {@link Pacing} lets it, until it has sent {@code limit} datagrams, its time is up or it is closed. Closing it
 * closes the socket.
 */
final class Flooder implements AutoCloseable {
    /** Where {@link #mdbgGarbage} sends from. */
    static final String ADDRESS = "127.0.0.9";
    private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    /** Holds the sender back while the receiver has not handled enough of what was sent. */
    @FunctionalInterface
    interface Pacing {
        /** Whether the next datagram may go now, {@code sent} having been sent so far. */
        boolean allows(long sent);

        /**
         * At most {@code window} datagrams sent and not yet counted by {@code handled} (which counts every datagram
         * the receiver took off its socket, from whatever value it has now). It is asked only when the window may
         * be full, so a costly counter (one that asks an event loop) is asked rarely.
         */
        static Pacing window(LongSupplier handled, long window) {
            long start = handled.getAsLong();
            long[] known = {0};
            return sent -> {
                if (sent - known[0] > window) {
                    known[0] = handled.getAsLong() - start;
                }
                return sent - known[0] <= window;
            };
        }

        /** At most {@code perSecond} datagrams a second on average, counted from now. */
        static Pacing rate(double perSecond) {
            long start = System.nanoTime();
            return sent -> sent <= (System.nanoTime() - start) / 1e9 * perSecond;
        }
    }

    private final DatagramChannel socket;
    private final InetSocketAddress to;
    private final Supplier<byte[]> source;
    private final Pacing pacing;
    private final long limit;
    private final long deadline;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final long startedAt = System.nanoTime();
    private volatile long endedAt;
    private final Thread thread;

    /** Starts sending {@code source}'s datagrams from {@code socket} (now the flooder's) to {@code to}. */
    Flooder(DatagramChannel socket, InetSocketAddress to, Supplier<byte[]> source, Pacing pacing, long limit,
            Duration bound) {
        this.socket = socket;
        this.to = to;
        this.source = source;
        this.pacing = pacing;
        this.limit = limit;
        this.deadline = startedAt + bound.toNanos();
        this.thread = new Thread(this::flood, "flooder-" + to.getPort());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * From {@value #ADDRESS}, MDBG-looking garbage (valid magic and length, random ciphertext and tag, so only the
     * HMAC would reject it) at 127.0.0.1:{@code port}: {@code limit} datagrams spread evenly over {@code bound}, so
     * the flood lasts its whole time however fast this machine sends.
     */
    static Flooder mdbgGarbage(int port, long limit, Duration bound) throws IOException {
        byte[] wire = new byte[DatagramCrypto.MIN_LENGTH + 16];
        System.arraycopy(DatagramCrypto.MAGIC, 0, wire, 0, DatagramCrypto.MAGIC.length);
        wire[DatagramCrypto.MAGIC.length] = TargetSession.CONTACT_VERSION;
        wire[DatagramCrypto.MAGIC.length + 1] = (byte) Channel.CONTROL.wireValue();
        byte[] noise = new byte[wire.length - DatagramCrypto.CLEAR_HEADER_LENGTH];
        Random random = new Random(5);
        Supplier<byte[]> garbage = () -> {
            random.nextBytes(noise);
            System.arraycopy(noise, 0, wire, DatagramCrypto.CLEAR_HEADER_LENGTH, noise.length);
            return wire;
        };
        DatagramChannel socket = DatagramChannel.open(StandardProtocolFamily.INET)
                .bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0));
        return new Flooder(socket, new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), garbage,
                Pacing.rate(limit / (bound.toNanos() / 1e9)), limit, bound);
    }

    private void flood() {
        try {
            while (!stop.get() && sent.get() < limit && System.nanoTime() < deadline) {
                if (pacing.allows(sent.get())) {
                    socket.send(ByteBuffer.wrap(source.get()), to);
                    sent.incrementAndGet();
                } else {
                    LockSupport.parkNanos(PAUSE_NANOS);
                }
            }
        } catch (ClosedChannelException e) {
            if (!stop.get()) {
                failure.set(e);
            }
        } catch (IOException | RuntimeException e) {
            failure.set(e);
        } finally {
            endedAt = System.nanoTime();
        }
    }

    /** Datagrams sent so far. */
    long sent() {
        return sent.get();
    }

    /** Whether it is still sending. */
    boolean flooding() {
        return thread.isAlive();
    }

    /** Waits up to {@code limit} for the flood to end by itself (count or time); true if it did. */
    boolean awaitEnd(Duration limit) throws InterruptedException {
        thread.join(limit.toMillis());
        return !thread.isAlive();
    }

    /** Datagrams per second from the start to the end (or to now, while it runs). */
    double rate() {
        long end = thread.isAlive() ? System.nanoTime() : endedAt;
        return sent.get() / ((end - startedAt) / 1e9);
    }

    /** What ended the flood other than its count, time or closing: a send or the source failed. */
    Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        stop.set(true);
        thread.join(TimeUnit.SECONDS.toMillis(5));
        socket.close();
    }
}
