package dev.kdnet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.control.ControlMessage;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdLinkConfig;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.testing.ManualScheduler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 200,000 seeded mutated, truncated, extended and random datagrams go through the opener, and every body that
 * opens (or that is fed straight in) through the control, KD and DBGKD decoders and a target's KdLink. Nothing may
 * throw: every input ends in an outcome, and the outcomes are counted.
 */
class UntrustedInputFuzzTest {
    private static final long SEED = 0xF022_2026L;
    private static final int INPUTS = 200_000;

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final DatagramCrypto crypto = new DatagramCrypto();
    private final KdnetKey key = KdnetKey.parse("8.8.8.8");
    private final SessionKeys keys = SessionKeys.of(key).withDataKey(DataKey.derive(key, new byte[322]));
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final KdLink link = new KdLink(KdRole.TARGET, KdLinkConfig.defaults(KdRole.TARGET),
            new ManualScheduler(), body -> { }, packet -> { });

    @Test
    void noInputEscapesWithAnException() {
        List<byte[]> corpus = corpus();
        for (int i = 0; i < INPUTS; i++) {
            boolean direct = random.nextInt(3) == 0;
            byte[] input = direct ? damagedKdBody() : mutate(corpus.get(random.nextInt(corpus.size())));
            try {
                if (direct) {
                    count("direct body: " + decodeBody(random.nextInt(8) == 0 ? Channel.CONTROL : Channel.DATA, input));
                } else {
                    open(input);
                }
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + SEED + ", input " + i + ": " + Arrays.toString(input), e);
            }
        }
        System.out.println("fuzz outcomes (seed " + SEED + "): " + outcomes);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(INPUTS);
        assertThat(outcomes).containsKeys("rejected: HMAC_MISMATCH", "rejected: BAD_LENGTH", "rejected: BAD_MAGIC",
                "opened: KdPacket", "opened: malformed");
    }

    private void open(byte[] wire) {
        OpenOutcome outcome = crypto.open(keys, wire, Direction.HOST_TO_TARGET);
        if (outcome instanceof OpenOutcome.Rejected rejected) {
            count("rejected: " + rejected.reason());
            return;
        }
        Datagram datagram = ((OpenOutcome.Opened) outcome).datagram();
        count("opened: " + decodeBody(datagram.channel(), datagram.body()));
    }

    private String decodeBody(Channel channel, byte[] body) {
        if (channel == Channel.CONTROL) {
            Decoded<ControlMessage> control = ControlMessage.decode(body);
            return control instanceof Decoded.Ok<ControlMessage> ok
                    ? ok.value().getClass().getSimpleName() : "malformed";
        }
        Decoded<KdBody> kd = KdBody.decode(body);
        if (!(kd instanceof Decoded.Ok<KdBody> ok)) {
            return "malformed";
        }
        if (ok.value() instanceof KdPacket packet) {
            PayloadDecoders.decodeAll(packet);
        }
        link.receive(ok.value());
        return ok.value().getClass().getSimpleName();
    }

    private void count(String what) {
        outcomes.merge(what, 1, Integer::sum);
    }

    private List<byte[]> corpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            KdPacketType type = KdPacketType.valueOf(random.nextInt(12));
            byte[] payload = new byte[type.isControl() ? 0 : random.nextInt(1400)];
            random.nextBytes(payload);
            KdPacket packet = type.isControl() ? KdPacket.control(type, random.nextInt())
                    : KdPacket.data(type, random.nextInt(), payload);
            corpus.add(seal(Channel.DATA, packet.encode()));
        }
        byte[] control = new byte[344];
        control[0] = 1;
        control[1] = 1;
        corpus.add(seal(Channel.CONTROL, control));
        corpus.add(seal(Channel.CONTROL, new byte[0]));
        corpus.add(seal(Channel.DATA, new byte[] {0x62}));
        corpus.add(seal(Channel.DATA, new byte[12]));
        return corpus;
    }

    private byte[] seal(Channel channel, byte[] body) {
        return crypto.seal(keys, new Datagram(4, channel, random.nextLong(1L << 56), Direction.HOST_TO_TARGET, body));
    }

    private byte[] mutate(byte[] original) {
        byte[] b = original.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                    int bit = random.nextInt(b.length * 8);
                    b[bit / 8] ^= (byte) (1 << (bit % 8));
                }
            }
            case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
            case 2 -> {
                b = Arrays.copyOf(b, b.length + 1 + random.nextInt(64));
                for (int i = original.length; i < b.length; i++) {
                    b[i] = (byte) random.nextInt();
                }
            }
            case 3 -> {
                b = new byte[random.nextInt(1500)];
                random.nextBytes(b);
            }
            default -> b = authenticGarbage();
        }
        return b;
    }

    /**
     * A KD packet with a random payload whose first bytes name a real manipulate, state-change, debug-I/O or
     * file-I/O API, then possibly truncated or bit-flipped, so the DBGKD decoders see plausible structure.
     */
    private byte[] damagedKdBody() {
        byte[] payload = new byte[random.nextInt(1400)];
        random.nextBytes(payload);
        if (payload.length >= 4) {
            int[] apiBases = {0x3130, 0x3030, 0x3230, 0x3430};
            LittleEndian.putU32(payload, 0, apiBases[random.nextInt(apiBases.length)] + random.nextInt(0x34));
        }
        byte[] body = KdPacket.data(KdPacketType.valueOf(random.nextInt(13)), random.nextInt(), payload).encode();
        return switch (random.nextInt(3)) {
            case 0 -> Arrays.copyOf(body, random.nextInt(body.length + 1));
            case 1 -> {
                int bit = random.nextInt(body.length * 8);
                body[bit / 8] ^= (byte) (1 << (bit % 8));
                yield body;
            }
            default -> body;
        };
    }

    /** A validly sealed datagram whose body is damage: a KD packet with random fields, or random bytes. */
    private byte[] authenticGarbage() {
        byte[] payload = new byte[random.nextInt(1400)];
        random.nextBytes(payload);
        byte[] body = random.nextBoolean() ? payload
                : KdPacket.data(KdPacketType.valueOf(random.nextInt(13)), random.nextInt(), payload).encode();
        return seal(random.nextInt(3) == 0 ? Channel.CONTROL : Channel.DATA, body);
    }
}
