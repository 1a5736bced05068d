package dev.kdnet.it.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The attacker in the middle: one UDP socket between a target (the first sender other than the host) and its host,
 * relaying every datagram unchanged and keeping a copy of each, and sending datagrams of the test's own to either
 * side from its own address, which each side takes for its peer's. A relayed datagram is recorded after it was sent
 * on, so whatever the test sends after seeing it in a recording reaches that side after the original.
 */
final class RecordingRelay implements AutoCloseable {
    private static final int LARGEST_UDP_PAYLOAD = 65_507;

    private final DatagramSocket socket;
    private final InetSocketAddress host;
    private final List<byte[]> towardsHost = new CopyOnWriteArrayList<>();
    private final List<byte[]> towardsTarget = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile InetSocketAddress target;
    private final AtomicInteger toDropTowardsTarget = new AtomicInteger();

    /** Listens on {@code listen} and relays between the first other sender and {@code host}. */
    RecordingRelay(InetSocketAddress listen, InetSocketAddress host) throws SocketException {
        this.socket = new DatagramSocket(listen);
        this.host = host;
        this.thread = new Thread(this::relay, "recording-relay-" + listen.getPort());
        thread.setDaemon(true);
        thread.start();
    }

    private void relay() {
        DatagramPacket packet = new DatagramPacket(new byte[LARGEST_UDP_PAYLOAD], LARGEST_UDP_PAYLOAD);
        try {
            while (!socket.isClosed()) {
                packet.setLength(LARGEST_UDP_PAYLOAD);
                socket.receive(packet);
                byte[] datagram = Arrays.copyOf(packet.getData(), packet.getLength());
                if (host.equals(packet.getSocketAddress())) {
                    if (target != null && !dropped()) {
                        send(datagram, target);
                        towardsTarget.add(datagram);
                    }
                } else {
                    target = (InetSocketAddress) packet.getSocketAddress();
                    send(datagram, host);
                    towardsHost.add(datagram);
                }
            }
        } catch (IOException e) {
            if (!socket.isClosed()) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private boolean dropped() {
        return toDropTowardsTarget.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** Loses the next {@code count} datagrams from the host to the target (neither relayed nor recorded). */
    void loseTowardsTarget(int count) {
        toDropTowardsTarget.set(count);
    }

    private void send(byte[] datagram, InetSocketAddress to) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException("relay cannot send to " + to, e);
        }
    }

    /** The address both sides send to. */
    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Every datagram relayed from the target to the host so far, in order. */
    List<byte[]> towardsHost() {
        return List.copyOf(towardsHost);
    }

    /** Every datagram relayed from the host to the target so far, in order. */
    List<byte[]> towardsTarget() {
        return List.copyOf(towardsTarget);
    }

    /** Sends {@code datagram} to the host from the relay's address, which the host takes for the target's. */
    void sendToHost(byte[] datagram) {
        send(datagram, host);
    }

    /** Sends {@code datagram} to the target from the relay's address, which the target takes for the host's. */
    void sendToTarget(byte[] datagram) {
        send(datagram, target);
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }
}
