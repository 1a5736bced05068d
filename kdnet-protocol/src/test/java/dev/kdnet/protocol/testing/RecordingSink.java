package dev.kdnet.protocol.testing;

import dev.kdnet.protocol.session.DatagramSink;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;

/** A {@link DatagramSink} that keeps what a session sent, in order, for a test to read back. */
public final class RecordingSink implements DatagramSink {
    /** One datagram sent. */
    public record Sent(InetSocketAddress recipient, byte[] wire) {
        /** The wire bytes to hand to the receiving side. */
        public ByteBuffer buffer() {
            return ByteBuffer.wrap(wire);
        }
    }

    private final Deque<Sent> sent = new ArrayDeque<>();

    @Override
    public void send(InetSocketAddress recipient, ByteBuffer datagram) {
        byte[] wire = new byte[datagram.remaining()];
        datagram.get(wire);
        sent.addLast(new Sent(recipient, wire));
    }

    /** The oldest datagram not taken yet. */
    public Sent take() {
        Sent first = sent.pollFirst();
        if (first == null) {
            throw new NoSuchElementException("nothing was sent");
        }
        return first;
    }

    /** How many datagrams were sent and not taken. */
    public int size() {
        return sent.size();
    }

    /** Forgets everything sent so far. */
    public void clear() {
        sent.clear();
    }
}
