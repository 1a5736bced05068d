package dev.kdnet.protocol.testing;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.EmptyControl;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.FileIo;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.kd.BreakIn;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.kd.UnusedHello;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.session.SessionPeer;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded generator of hostile datagrams for one direction of a KDNET session, for fuzz tests in process and over
 * sockets. It knows the session's keys, so besides noise it builds <em>authentic</em> datagrams (sealed with the
 * keys and a fresh sequence number) whose plaintext is garbage or a damaged KD packet, DBGKD payload or control
 * message: those pass the HMAC and reach the KD layer and the DBGKD decoders behind it. It seals through a
 * {@link SessionPeer} of the side it plays, like every other peer. It records some of the
 * authentic datagrams it seals and later sends them again as they were or mutated on the wire.
 *
 * <p>The same seed and the same calls give the same datagrams. Not thread-safe.
 */
public final class FuzzDatagrams {
    /** What a generated datagram is; {@link #counts()} counts them. */
    public enum Kind {
        /** Random bytes of random length: up to 1,500 mostly, some up to 9,000, a few up to the UDP maximum. */
        RANDOM,
        /** {@code MDBG}, a version byte and a channel byte (mostly a real one), then random bytes. */
        MAGIC_HEADER,
        /** An authentic datagram recorded earlier, sent again unchanged (a replay; maybe under an old key). */
        REPLAY,
        /** An authentic datagram recorded earlier with bits flipped, cut short, extended or overwritten. */
        MUTATED,
        /** Sealed now with the keys and the next sequence: garbage or a damaged message inside. */
        AUTHENTIC
    }

    /** The largest UDP payload over IPv4. */
    public static final int MAX_UDP_PAYLOAD = 65_507;
    private static final int RECORDED = 64;
    private static final int MAX_PAYLOAD = 1400;
    private static final int VERSION = 4;
    /** The first API number of each DBGKD family: manipulate, state change, debug I/O, file I/O. */
    private static final int[] API_BASES = {0x3130, 0x3030, 0x3230, 0x3430};
    /** How many API numbers each family has, counted from its base. */
    private static final int API_SPAN = 0x34;

    /** Where the generator's data channel leads; it only seals, so the address is never checked. */
    private static final InetSocketAddress RECEIVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final SplittableRandom random;
    private final boolean fromTarget;
    private final SessionPeer peer;
    private final List<byte[]> recorded = new ArrayList<>();
    private final EnumMap<Kind, Long> counts = new EnumMap<>(Kind.class);
    private final int peerFirstId;
    private long controlSequence;
    private int nextKdId;
    private int recordAt;

    /**
     * A generator of datagrams as {@code sender} sends them under {@code key}, before any handshake: authentic
     * datagrams go on the control channel only until {@link #rekey}.
     */
    public FuzzDatagrams(long seed, KdRole sender, KdnetKey key) {
        this(seed, sender, key, null);
    }

    /** A generator as above whose data channel is keyed by the response {@code responseBody}. */
    public FuzzDatagrams(long seed, KdRole sender, KdnetKey key, byte[] responseBody) {
        this.random = new SplittableRandom(seed);
        this.fromTarget = sender == KdRole.TARGET;
        this.peer = new SessionPeer(sender, key);
        this.nextKdId = sender.firstId();
        this.peerFirstId = (fromTarget ? KdRole.HOST : KdRole.TARGET).firstId();
        if (responseBody != null) {
            rekey(responseBody);
        }
        for (int i = 0; i < 16; i++) {
            record(authentic());
        }
    }

    /**
     * A handshake with the response {@code responseBody}: authentic datagrams from now on use its data key, with
     * sequence numbers from 1 again.
     */
    public void rekey(byte[] responseBody) {
        peer.keyChannel(RECEIVER, VERSION, responseBody);
        controlSequence = 0;
    }

    /** The next datagram. */
    public byte[] next() {
        int roll = random.nextInt(100);
        Kind kind = roll < 15 ? Kind.RANDOM : roll < 30 ? Kind.MAGIC_HEADER : roll < 40 ? Kind.REPLAY
                : roll < 65 ? Kind.MUTATED : Kind.AUTHENTIC;
        counts.merge(kind, 1L, Long::sum);
        return switch (kind) {
            case RANDOM -> randomBytes(randomLength());
            case MAGIC_HEADER -> magicHeader();
            case REPLAY -> recorded.get(random.nextInt(recorded.size())).clone();
            case MUTATED -> mutate(recorded.get(random.nextInt(recorded.size())));
            case AUTHENTIC -> {
                byte[] wire = authentic();
                if (random.nextInt(16) == 0) {
                    record(wire);
                }
                yield wire;
            }
        };
    }

    /** How many datagrams of each kind {@link #next()} made so far. */
    public Map<Kind, Long> counts() {
        return new EnumMap<>(counts);
    }

    /**
     * A KD packet with a random payload whose first bytes name a real manipulate, state-change, debug-I/O or
     * file-I/O API, then possibly truncated or bit-flipped (its checksum then no longer matches), so the DBGKD
     * decoders see plausible structure.
     */
    public byte[] damagedKdBody() {
        byte[] payload = randomBytes(random.nextInt(MAX_PAYLOAD));
        if (payload.length >= 4) {
            WireBytes.wrap(payload).putInt(0, API_BASES[random.nextInt(API_BASES.length)] + random.nextInt(API_SPAN));
        }
        byte[] body = KdPacket.data(KdPacketType.valueOf(random.nextInt(13)), random.nextInt(), payload).encode();
        return switch (random.nextInt(3)) {
            case 0 -> Arrays.copyOf(body, random.nextInt(body.length + 1));
            case 1 -> flipBits(body, 1);
            default -> body;
        };
    }

    private byte[] authentic() {
        boolean control = peer.channel().isEmpty() || random.nextInt(16) == 0;
        ByteBuffer wire = control ? peer.sealControl(VERSION, ++controlSequence, controlBody())
                : peer.sealData(dataBody());
        return WireBytes.toArray(wire);
    }

    private byte[] dataBody() {
        return switch (random.nextInt(8)) {
            case 0 -> randomBytes(random.nextInt(MAX_PAYLOAD));
            case 1 -> damagedKdBody();
            case 2 -> KdPacket.control(KdPacketType.valueOf(4 + random.nextInt(3)),
                    random.nextBoolean() ? peerFirstId + 2 * random.nextInt(256) : random.nextInt()).encode();
            case 3 -> !fromTarget ? BreakIn.INSTANCE.encode()
                    : new UnusedHello(random.nextInt()).encode();
            case 4 -> {
                byte[] body = plausiblePacket().encode();
                yield random.nextBoolean() ? Arrays.copyOf(body, random.nextInt(body.length + 1)) : flipBits(body, 1);
            }
            default -> plausiblePacket().encode();
        };
    }

    /**
     * A well-formed KD data packet (valid checksum, the next id of the sender's dialect most of the time) of a type
     * the receiver handles, whose payload names one of its APIs and has small numbers in half of its header fields
     * and random bytes elsewhere: it gets through the KD link to the DBGKD layer.
     */
    private KdPacket plausiblePacket() {
        KdPacketType type;
        byte[] payload;
        switch (random.nextInt(4)) {
            case 0 -> {
                type = KdPacketType.STATE_MANIPULATE;
                payload = structured(API_BASES[0], ManipulateState64.HEADER_LENGTH, 0x1000);
            }
            case 1 -> {
                type = fromTarget ? KdPacketType.STATE_CHANGE64
                        : KdPacketType.STATE_MANIPULATE;
                payload = structured(fromTarget ? API_BASES[1] : API_BASES[0],
                        fromTarget ? StateChange64.LENGTH
                                : ManipulateState64.HEADER_LENGTH, 0x100);
            }
            case 2 -> {
                type = KdPacketType.DEBUG_IO;
                payload = random.nextBoolean() ? DebugIo.printString(random.nextInt(16), random.nextInt(4),
                        printable(random.nextInt(200))).encode()
                        : structured(API_BASES[2], DebugIo.HEADER_LENGTH, 0x200);
            }
            default -> {
                type = KdPacketType.FILE_IO;
                payload = structured(API_BASES[3], FileIo.HEADER_LENGTH, 0x200);
            }
        }
        int id = random.nextInt(4) == 0 ? random.nextInt() : nextKdId;
        nextKdId += 2;
        return KdPacket.data(type, id, payload);
    }

    /**
     * A payload of {@code header} bytes and up to {@code extra} more: the API number at 0 (from {@code apiBase}),
     * then 32-bit fields of which half hold a small number (0..16) and the rest random bits.
     */
    private byte[] structured(int apiBase, int header, int extra) {
        byte[] payload = randomBytes(header + random.nextInt(extra));
        WireBytes.wrap(payload).putInt(0, apiBase + random.nextInt(API_SPAN));
        for (int at = 4; at + 4 <= header; at += 4) {
            if (random.nextBoolean()) {
                WireBytes.wrap(payload).putInt(at, random.nextInt(17));
            }
        }
        return payload;
    }

    private byte[] controlBody() {
        int roll = random.nextInt(8);
        if (roll == 0) {
            return randomBytes(random.nextInt(400));
        }
        byte[] body;
        if (fromTarget) {
            boolean unbound = random.nextInt(64) == 0;
            Endpoint bound = unbound ? Endpoint.UNBOUND : randomEndpoint();
            body = Poke.of(randomBytes(Poke.NONCE_LENGTH), randomEndpoint(), randomEndpoint(), bound).encode();
        } else if (random.nextBoolean()) {
            body = EmptyControl.INSTANCE.encode();
        } else {
            body = new ControlResponse(Poke.LEAD_BYTE, randomBytes(Poke.NONCE_LENGTH),
                    randomBytes(Poke.NONCE_LENGTH), new byte[Poke.RESERVED_LENGTH]).encode();
        }
        return roll == 1 ? mutate(body) : body;
    }

    private Endpoint randomEndpoint() {
        try {
            return Endpoint.of((Inet4Address) InetAddress.getByAddress(randomBytes(4)), 1 + random.nextInt(0xFFFF));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    private byte[] magicHeader() {
        int ciphertext = random.nextInt(8) == 0 ? random.nextInt(MAX_PAYLOAD)
                : 16 * (1 + random.nextInt(MAX_PAYLOAD / 16));
        byte[] wire = randomBytes(DatagramCrypto.CLEAR_HEADER_LENGTH + ciphertext + DatagramCrypto.TAG_LENGTH);
        System.arraycopy(DatagramCrypto.MAGIC, 0, wire, 0, DatagramCrypto.MAGIC.length);
        if (random.nextBoolean()) {
            wire[4] = VERSION;
        }
        if (random.nextInt(8) != 0) {
            wire[5] = (byte) random.nextInt(2);
        }
        return wire;
    }

    /** A copy of {@code original} with bits flipped, cut short, extended with random bytes or partly overwritten. */
    private byte[] mutate(byte[] original) {
        return switch (random.nextInt(4)) {
            case 0 -> flipBits(original.clone(), 1 + random.nextInt(8));
            case 1 -> Arrays.copyOf(original, random.nextInt(original.length + 1));
            case 2 -> {
                byte[] longer = Arrays.copyOf(original, original.length + 1 + random.nextInt(64));
                for (int i = original.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt();
                }
                yield longer;
            }
            default -> {
                byte[] b = original.clone();
                if (b.length > 0) {
                    int from = random.nextInt(b.length);
                    int to = Math.min(b.length, from + 1 + random.nextInt(32));
                    for (int i = from; i < to; i++) {
                        b[i] = (byte) random.nextInt();
                    }
                }
                yield b;
            }
        };
    }

    private byte[] flipBits(byte[] b, int flips) {
        if (b.length == 0) {
            return b;
        }
        for (int i = 0; i < flips; i++) {
            int bit = random.nextInt(b.length * 8);
            b[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return b;
    }

    private int randomLength() {
        int roll = random.nextInt(100);
        return roll < 90 ? random.nextInt(1501) : roll < 99 ? 1501 + random.nextInt(7500)
                : random.nextInt(MAX_UDP_PAYLOAD + 1);
    }

    private byte[] randomBytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    private String printable(int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = (char) (' ' + random.nextInt(95));
        }
        return new String(text);
    }

    private void record(byte[] wire) {
        if (recorded.size() < RECORDED) {
            recorded.add(wire);
        } else {
            recorded.set(recordAt, wire);
            recordAt = (recordAt + 1) % RECORDED;
        }
    }
}
