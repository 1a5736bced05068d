package dev.kdnet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.control.ControlMessage;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdLinkConfig;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.session.Inbound;
import dev.kdnet.protocol.session.SessionPeer;
import dev.kdnet.protocol.testing.FuzzDatagrams;
import dev.kdnet.protocol.testing.ManualScheduler;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 200,000 seeded datagrams of {@link FuzzDatagrams} (random, replayed, mutated and authentic with damaged
 * plaintext) go through an observing {@link SessionPeer} (which lets replays through to the decoders), and every
 * body that opens (or that is fed straight in) through the control, KD and DBGKD decoders and a target's KdLink.
 * Nothing may throw: every input ends in an outcome, and the outcomes are counted.
 */
class UntrustedInputFuzzTest {
    private static final long SEED = 0xF022_2026L;
    private static final int INPUTS = 200_000;
    private static final byte[] RESPONSE = new byte[322];
    private static final InetSocketAddress SENDER = new InetSocketAddress("127.0.0.1", 50000);

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final KdnetKey key = KdnetKey.parse("8.8.8.8");
    private final FuzzDatagrams inputs = new FuzzDatagrams(SEED, KdRole.HOST, key, RESPONSE);
    private final SessionPeer peer = SessionPeer.observer(key);
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final KdLink link = new KdLink(KdRole.TARGET, KdLinkConfig.defaults(KdRole.TARGET),
            new ManualScheduler(), body -> { }, packet -> { });

    UntrustedInputFuzzTest() {
        peer.keyChannel(SENDER, 4, RESPONSE);
    }

    @Test
    void noInputEscapesWithAnException() {
        for (int i = 0; i < INPUTS; i++) {
            boolean direct = random.nextInt(3) == 0;
            byte[] input = direct ? inputs.damagedKdBody() : inputs.next();
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
        System.out.println("fuzz outcomes (seed " + SEED + "): " + outcomes + "; inputs " + inputs.counts());
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(INPUTS);
        assertThat(outcomes).containsKeys("rejected: HMAC_MISMATCH", "rejected: BAD_LENGTH", "rejected: BAD_MAGIC",
                "opened: KdPacket", "opened: malformed");
    }

    private void open(byte[] wire) {
        Inbound inbound = peer.receive(SENDER, ByteBuffer.wrap(wire));
        if (inbound instanceof Inbound.Dropped dropped) {
            boolean opened = dropped.reason() == DropReason.MALFORMED_BODY;
            count(opened ? "opened: malformed" : "rejected: " + dropped.reason());
        } else if (inbound instanceof Inbound.Control control) {
            count("opened: " + control.message().getClass().getSimpleName());
        } else {
            count("opened: " + deliver(((Inbound.Data) inbound).body()));
        }
    }

    private String decodeBody(Channel channel, byte[] body) {
        if (channel == Channel.CONTROL) {
            Decoded<ControlMessage> control = ControlMessage.decode(ByteBuffer.wrap(body));
            return control instanceof Decoded.Ok<ControlMessage> ok
                    ? ok.value().getClass().getSimpleName() : "malformed";
        }
        Decoded<KdBody> kd = KdBody.decode(ByteBuffer.wrap(body));
        return kd instanceof Decoded.Ok<KdBody> ok ? deliver(ok.value()) : "malformed";
    }

    /** Decodes the payload of a KD packet and hands the body to the target's link; returns the body's kind. */
    private String deliver(KdBody body) {
        if (body instanceof KdPacket packet) {
            PayloadDecoders.decodeAll(packet);
        }
        link.receive(body);
        return body.getClass().getSimpleName();
    }

    private void count(String what) {
        outcomes.merge(what, 1, Integer::sum);
    }
}
