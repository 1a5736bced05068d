package dev.kdnet.it.bench;

import dev.kdnet.protocol.datagram.Direction;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * What the echo side of a raw ping-pong sends back for one received datagram (see {@link RawExchange}): nothing
 * for an ACK; for a request the reply, after an ACK in the KD patterns; sealed in the sealed pattern. Shared by the
 * blocking {@link RawPeer} and the event-loop {@link LoopRawPeer}. Not thread-safe.
 */
final class RawAnswers {
    private final SealedDatagrams sealing = new SealedDatagrams(RawExchange.KEY);
    private final ByteBuffer[] plain = new ByteBuffer[RawExchange.MAX_DATAGRAM + 1];
    private final byte[][] bodies = new byte[RawExchange.MAX_DATAGRAM + 1][];
    private long sequence;

    /**
     * The datagrams to send, in order, for {@code datagram} (from its position to its limit; left unchanged).
     *
     * @throws IllegalStateException if a sealed datagram does not open
     */
    List<ByteBuffer> answer(ByteBuffer datagram) {
        if (datagram.get(datagram.position()) == RawExchange.SEALED) {
            ByteBuffer opened = sealing.open(datagram, Direction.HOST_TO_TARGET);
            if (opened == null) {
                throw new IllegalStateException("a sealed datagram from the raw client did not open");
            }
            ByteBuffer body = opened.slice().order(ByteOrder.BIG_ENDIAN);
            if (body.get(0) != RawExchange.REQUEST) {
                return List.of();
            }
            return List.of(seal(body(body.getInt(5))), seal(body(body.getInt(1))));
        }
        ByteBuffer request = datagram.slice();
        if (request.get(0) != RawExchange.REQUEST) {
            return List.of();
        }
        ByteBuffer reply = plain(request.getInt(1));
        return request.get(9) == RawExchange.Pattern.KD.ordinal() ? List.of(plain(request.getInt(5)), reply)
                : List.of(reply);
    }

    private ByteBuffer plain(int size) {
        if (plain[size] == null) {
            plain[size] = ByteBuffer.allocateDirect(size);
        }
        return plain[size].duplicate().clear();
    }

    private byte[] body(int size) {
        if (bodies[size] == null) {
            bodies[size] = new byte[size];
        }
        return bodies[size];
    }

    private ByteBuffer seal(byte[] body) {
        return ByteBuffer.wrap(sealing.seal(Direction.TARGET_TO_HOST, ++sequence, body));
    }
}
