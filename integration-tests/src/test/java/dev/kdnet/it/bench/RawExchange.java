package dev.kdnet.it.bench;

import java.nio.ByteBuffer;

/**
 * The datagrams of the raw UDP ping-pong, the baseline a memory pull is measured against. A request says what it
 * wants answered: its first byte is {@link #REQUEST}, then the reply size, the ACK size and the {@link Pattern}. The
 * rest of every datagram is zero.
 */
final class RawExchange {
    /** First byte of a request. */
    static final byte REQUEST = 1;
    /** First byte of an ACK. */
    static final byte ACK = 2;
    /** Large enough for any datagram of the benchmark (KDNET's largest is 4054 bytes). */
    static final int MAX_DATAGRAM = 8192;

    /** What one exchange is made of. */
    enum Pattern {
        /** request, reply: the plain ping-pong. */
        PLAIN,
        /** request, ACK + reply, ACK: the datagrams of a KD manipulate request (kd-protocol §2). */
        KD
    }

    private RawExchange() {
    }

    /** A request of {@code size} bytes asking for a {@code replySize}-byte reply in {@code pattern}. */
    static ByteBuffer request(int size, int replySize, int ackSize, Pattern pattern) {
        ByteBuffer request = ByteBuffer.allocateDirect(size);
        request.put(REQUEST).putInt(replySize).putInt(ackSize).put((byte) pattern.ordinal()).clear();
        return request;
    }

    /** An ACK of {@code size} bytes. */
    static ByteBuffer ack(int size) {
        ByteBuffer ack = ByteBuffer.allocateDirect(size);
        ack.put(ACK).clear();
        return ack;
    }
}
