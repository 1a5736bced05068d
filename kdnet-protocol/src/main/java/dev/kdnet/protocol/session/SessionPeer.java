package dev.kdnet.protocol.session;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.control.ControlMessage;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdRole;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * One side of a KDNET session, with no socket: it turns one received datagram into exactly one {@link Inbound}
 * (open with the key of its channel, check direction, source and sequence, decode the body) and seals outgoing
 * control and data datagrams in its own direction, numbering data datagrams itself. The only user of
 * {@link DatagramCrypto} outside tests of the crypto itself.
 *
 * <p>What a control message means (answer a poke, accept a response) is the caller's decision; it keys the data
 * channel with {@link #keyChannel} once it has one. Not thread-safe: one instance per event loop.
 */
public final class SessionPeer {
    private final KdnetKey key;
    private final Direction sends;
    private final Direction receives;
    private final boolean checksPeer;
    private final SessionKeys rootKeys;
    private final DatagramCrypto crypto = new DatagramCrypto();
    private SessionObserver observer = SessionObserver.NONE;
    private DataChannel channel;

    private SessionPeer(KdnetKey key, Direction sends, Direction receives, boolean checksPeer) {
        this.key = Objects.requireNonNull(key, "key");
        this.sends = sends;
        this.receives = receives;
        this.checksPeer = checksPeer;
        this.rootKeys = SessionKeys.of(key);
    }

    /** The {@code role} side of a session keyed with {@code key}: it accepts only the other side's datagrams. */
    public SessionPeer(KdRole role, KdnetKey key) {
        this(key, sendsAs(role), sendsAs(role == KdRole.HOST ? KdRole.TARGET : KdRole.HOST), true);
    }

    /**
     * A reader of a capture keyed with {@code key}: it opens datagrams of both directions and takes every authentic
     * data datagram, whatever its source or sequence, since a capture shows what was sent, not what was accepted.
     * It cannot seal.
     */
    public static SessionPeer observer(KdnetKey key) {
        return new SessionPeer(key, null, null, false);
    }

    private static Direction sendsAs(KdRole role) {
        return role == KdRole.HOST ? Direction.HOST_TO_TARGET : Direction.TARGET_TO_HOST;
    }

    /** Sets who sees every datagram opened or sealed (one observer; replaces the previous one). */
    public void observe(SessionObserver newObserver) {
        this.observer = Objects.requireNonNull(newObserver, "observer");
    }

    /** The keyed data channel, empty before a handshake and after {@link #forget}. */
    public Optional<DataChannel> channel() {
        return Optional.ofNullable(channel);
    }

    /**
     * Keys a new data channel with {@code peer}: D = SHA-256(K || the remaining bytes of {@code responseBody})
     * (kdnet-wire §4.1), both sequences start over, data datagrams carry {@code version}. Replaces any earlier
     * channel.
     */
    public DataChannel keyChannel(InetSocketAddress peer, int version, ByteBuffer responseBody) {
        channel = new DataChannel(peer, rootKeys.withDataKey(DataKey.derive(key, responseBody)), version);
        return channel;
    }

    /** Keys a new data channel as {@link #keyChannel(InetSocketAddress, int, ByteBuffer)} does, from an array. */
    public DataChannel keyChannel(InetSocketAddress peer, int version, byte[] responseBody) {
        return keyChannel(peer, version, ByteBuffer.wrap(responseBody));
    }

    /** Forgets the data channel (a reboot): data datagrams are dropped until the next handshake. */
    public void forget() {
        channel = null;
    }

    /** Opens and classifies the remaining bytes of {@code wire} from {@code sender}; never throws on any input. */
    public Inbound receive(InetSocketAddress sender, ByteBuffer wire) {
        OpenOutcome outcome = crypto.open(channel == null ? rootKeys : channel.keys(), wire, receives);
        if (outcome instanceof OpenOutcome.Rejected rejected) {
            return Inbound.Dropped.of(DropReason.of(rejected.reason()));
        }
        Datagram datagram = ((OpenOutcome.Opened) outcome).datagram();
        observer.opened(sender, datagram);
        return datagram.channel() == Channel.CONTROL ? control(datagram) : data(datagram, sender);
    }

    private static Inbound control(Datagram datagram) {
        Decoded<ControlMessage> message = ControlMessage.decode(datagram.body());
        if (message instanceof Decoded.Malformed<ControlMessage> malformed) {
            return new Inbound.Dropped(DropReason.MALFORMED_BODY, malformed.reason());
        }
        return new Inbound.Control(datagram, message.orElseThrow());
    }

    private Inbound data(Datagram datagram, InetSocketAddress sender) {
        if (checksPeer && !sender.equals(channel.peer())) {
            return Inbound.Dropped.of(DropReason.WRONG_SOURCE);
        }
        if (checksPeer && !channel.accept(datagram.sequence())) {
            return Inbound.Dropped.of(DropReason.STALE_SEQUENCE);
        }
        Decoded<KdBody> body = KdBody.decode(datagram.body());
        if (body instanceof Decoded.Malformed<KdBody> malformed) {
            return new Inbound.Dropped(DropReason.MALFORMED_BODY, malformed.reason());
        }
        return new Inbound.Data(datagram, body.orElseThrow());
    }

    /**
     * Seals a control datagram with {@code body} (any bytes: tests seal malformed ones) under the root key.
     * A response echoes its poke's {@code version} and {@code sequence}.
     */
    public ByteBuffer sealControl(int version, long sequence, byte[] body) {
        return seal(rootKeys, Datagram.of(version, Channel.CONTROL, sequence, outgoing(), body));
    }

    /** Seals {@code body} in the channel's next data datagram. */
    public ByteBuffer sealData(KdBody body) {
        return sealData(body.encode());
    }

    /**
     * Seals {@code body} (any bytes: fuzzers seal damaged ones) in the channel's next data datagram.
     *
     * @throws IllegalStateException if no data channel is keyed
     */
    public ByteBuffer sealData(byte[] body) {
        DataChannel keyed = keyed();
        return sealDataAt(keyed.takeSequence(), body);
    }

    /**
     * Seals {@code body} in a data datagram numbered {@code sequence} instead of the channel's next number, for tests
     * that replay or reorder; the channel's own numbering is unchanged.
     *
     * @throws IllegalStateException if no data channel is keyed
     */
    public ByteBuffer sealDataAt(long sequence, byte[] body) {
        DataChannel keyed = keyed();
        return seal(keyed.keys(), Datagram.of(keyed.version(), Channel.DATA, sequence, outgoing(), body));
    }

    private DataChannel keyed() {
        if (channel == null) {
            throw new IllegalStateException("no data channel is keyed yet");
        }
        return channel;
    }

    private Direction outgoing() {
        if (sends == null) {
            throw new IllegalStateException("a capture observer does not send");
        }
        return sends;
    }

    private ByteBuffer seal(SessionKeys keys, Datagram datagram) {
        ByteBuffer wire = ByteBuffer.wrap(crypto.seal(keys, datagram));
        observer.sealed(datagram);
        return wire;
    }

    @Override
    public String toString() {
        return "SessionPeer[" + (sends == null ? "observer" : sends.arrow()) + ", key " + key.fingerprint()
                + ", " + (channel == null ? "no data channel" : channel) + "]";
    }
}
