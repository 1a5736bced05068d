package dev.kdnet.it.bench;

import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.key.KdnetKey;
import java.nio.ByteBuffer;

/**
 * The datagrams of the raw UDP ping-pong, the baseline a memory pull is measured against. A request says what it
 * wants answered: its first byte is {@link #REQUEST}, then the reply size, the ACK size and the {@link Pattern}. The
 * rest of every datagram is zero. In the {@link Pattern#SEALED_KD} pattern these bytes are the body of a KDNET
 * data datagram sealed under {@link #KEY}, and the sizes are body sizes.
 */
final class RawExchange {
    /** First byte of a request. */
    static final byte REQUEST = 1;
    /** First byte of an ACK. */
    static final byte ACK = 2;
    /** First byte of a sealed datagram: KDNET's magic (kdnet-wire §1). */
    static final byte SEALED = DatagramCrypto.MAGIC[0];
    /** Large enough for any datagram of the benchmark (KDNET's largest is 4054 bytes). */
    static final int MAX_DATAGRAM = 8192;
    /** The key both raw processes seal under in the sealed pattern; a benchmark constant, protects nothing. */
    static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");

    /** What one exchange is made of. */
    enum Pattern {
        /** request, reply: the plain ping-pong. */
        PLAIN,
        /** request, ACK + reply, ACK: the datagrams of a KD manipulate request (kd-protocol §2). */
        KD,
        /**
         * The KD pattern with KDNET's crypto: each datagram sealed by its sender and opened (tag checked, body
         * decrypted) by its receiver, as host and target must (kdnet-wire): the work the protocol itself asks of one
         * exchange, and nothing else.
         */
        SEALED_KD;

        /** Whether the sender seals each datagram. */
        boolean sealed() {
            return this == SEALED_KD;
        }

        /** Whether an ACK goes either way. */
        boolean acked() {
            return this != PLAIN;
        }
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

    /** The bytes of {@code datagram}, from 0 to its limit, for sealing. */
    static byte[] bytes(ByteBuffer datagram) {
        byte[] bytes = new byte[datagram.limit()];
        datagram.get(0, bytes);
        return bytes;
    }
}
