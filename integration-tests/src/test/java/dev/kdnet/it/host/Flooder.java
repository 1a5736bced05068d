package dev.kdnet.it.host;

import dev.kdnet.host.session.TargetSession;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A background thread on 127.0.0.9 sending MDBG-looking garbage (valid magic and length, random ciphertext and
 * tag, so only the HMAC would reject it) at one port as fast as it can, until it has sent {@code limit}
 * datagrams, its time is up or it is closed.
 */
final class Flooder implements AutoCloseable {
    static final String ADDRESS = "127.0.0.9";

    private final DatagramSocket socket;
    private final InetSocketAddress to;
    private final long limit;
    private final long deadline;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    Flooder(int port, long limit, Duration bound) throws IOException {
        this.socket = new DatagramSocket(0, InetAddress.getByName(ADDRESS));
        this.to = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
        this.limit = limit;
        this.deadline = System.nanoTime() + bound.toNanos();
        this.thread = new Thread(this::flood, "flooder-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private void flood() {
        byte[] wire = new byte[DatagramCrypto.MIN_LENGTH + 16];
        System.arraycopy(DatagramCrypto.MAGIC, 0, wire, 0, DatagramCrypto.MAGIC.length);
        wire[DatagramCrypto.MAGIC.length] = TargetSession.CONTACT_VERSION;
        wire[DatagramCrypto.MAGIC.length + 1] = (byte) Channel.CONTROL.wireValue();
        byte[] noise = new byte[wire.length - DatagramCrypto.CLEAR_HEADER_LENGTH];
        Random random = new Random(5);
        DatagramPacket packet = new DatagramPacket(wire, wire.length, to);
        try {
            while (!stop.get() && sent.get() < limit && System.nanoTime() < deadline) {
                random.nextBytes(noise);
                System.arraycopy(noise, 0, wire, DatagramCrypto.CLEAR_HEADER_LENGTH, noise.length);
                socket.send(packet);
                sent.incrementAndGet();
            }
        } catch (IOException e) {
            if (!stop.get()) {
                throw new UncheckedIOException(e);
            }
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

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join(TimeUnit.SECONDS.toMillis(5));
        socket.close();
    }
}
