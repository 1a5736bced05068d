package dev.kdnet.it.bench;

import dev.kdnet.protocol.datagram.Direction;
import java.nio.ByteBuffer;

/**
 * What the sending side of a raw ping-pong sends and checks, from a command
 * {@code PATTERN requestSize replySize ackSize seconds} (sizes of bodies in the sealed pattern): each request and
 * ACK ready to write (sealed with the next sequence number in the sealed pattern), and the check of what comes back
 * (opened in the sealed pattern). Shared by the blocking {@link RawClient} and the event-loop {@link LoopRawClient}.
 * Not thread-safe.
 */
final class RawRequests {
    private final SealedDatagrams sealing = new SealedDatagrams(RawExchange.KEY);
    private final RawExchange.Pattern pattern;
    private final ByteBuffer request;
    private final ByteBuffer ack;
    private final byte[] requestBody;
    private final byte[] ackBody;
    private final long nanos;
    private long sequence;

    RawRequests(String[] command) {
        pattern = RawExchange.Pattern.valueOf(command[0]);
        int ackSize = Integer.parseInt(command[3]);
        request = RawExchange.request(Integer.parseInt(command[1]), Integer.parseInt(command[2]), ackSize, pattern);
        ack = RawExchange.ack(ackSize);
        requestBody = RawExchange.bytes(request);
        ackBody = RawExchange.bytes(ack);
        nanos = (long) (Double.parseDouble(command[4]) * 1e9);
    }

    /** How long the exchanges go on. */
    long nanos() {
        return nanos;
    }

    /** Datagrams that come back per request: the reply, after an ACK in the KD patterns. */
    int answersPerRequest() {
        return pattern.acked() ? 2 : 1;
    }

    /** Whether an ACK follows each reply. */
    boolean acked() {
        return pattern.acked();
    }

    /** The next request to write. */
    ByteBuffer request() {
        return pattern.sealed() ? seal(requestBody) : request.duplicate().clear();
    }

    /** The next ACK to write. */
    ByteBuffer ack() {
        return pattern.sealed() ? seal(ackBody) : ack.duplicate().clear();
    }

    /**
     * Checks a datagram that came back (position to limit; left unchanged).
     *
     * @throws IllegalStateException if a sealed datagram does not open
     */
    void check(ByteBuffer answer) {
        if (pattern.sealed() && sealing.open(answer, Direction.TARGET_TO_HOST) == null) {
            throw new IllegalStateException("a sealed datagram from the raw peer did not open");
        }
    }

    private ByteBuffer seal(byte[] body) {
        return ByteBuffer.wrap(sealing.seal(Direction.HOST_TO_TARGET, ++sequence, body));
    }
}
