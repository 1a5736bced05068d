package dev.kdnet.sim.nic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.EmptyControl;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.kd.UnusedHello;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.session.Inbound;
import dev.kdnet.protocol.session.SessionPeer;
import dev.kdnet.protocol.testing.ManualScheduler;
import dev.kdnet.protocol.testing.RecordingSink;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The NIC agent against a host-role {@link SessionPeer}, in memory on the virtual clock: pokes on the timer and on
 * request, handshake, re-key, reboot and drops, with no socket and no waiting.
 */
class AgentSessionInMemoryTest {
    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.9", 50000);
    private static final Duration POKES = Duration.ofSeconds(3);
    private static final KdPacket RESEND = KdPacket.control(KdPacketType.RESEND, 0);

    private final ManualScheduler clock = new ManualScheduler();
    private final RecordingSink sink = new RecordingSink();
    private final RecordingEndpoints endpoints = new RecordingEndpoints();
    private final SplittableRandom random = new SplittableRandom(5);
    private final AgentConfig config = AgentConfig.of(AgentHarness.KEY, (Inet4Address) HOST.getAddress(),
            HOST.getPort(), AgentHarness.TARGET_IP).withPokeInterval(POKES);
    private final InetSocketAddress target = config.localAddress();
    private SessionPeer host;
    private AgentSession agent;

    @BeforeEach
    void startAgent() {
        host = new SessionPeer(KdRole.HOST, AgentHarness.KEY);
        agent = new AgentSession(config, endpoints, new SplittableRandom(1), sink, clock,
                new SendFailures("test", clock::nanoTime), new IcmpErrors("test", clock::nanoTime));
        agent.start();
    }

    /** The next datagram the agent sent, opened by the host. */
    private Inbound next() {
        RecordingSink.Sent sent = sink.take();
        assertThat(sent.recipient()).isEqualTo(HOST);
        return host.receive(target, sent.buffer());
    }

    private Inbound.Control nextPoke() {
        Inbound inbound = next();
        assertThat(inbound).isInstanceOf(Inbound.Control.class);
        assertThat(((Inbound.Control) inbound).message()).isInstanceOf(Poke.class);
        return (Inbound.Control) inbound;
    }

    /** Answers {@code poke} as a host does and keys the host's channel; returns the response. */
    private ControlResponse answer(Inbound.Control poke) {
        ControlResponse response = ControlResponse.answering((Poke) poke.message(), random);
        agent.receive(HOST, host.sealControl(poke.datagram().version(), poke.datagram().sequence(),
                response.encode()));
        host.keyChannel(target, poke.datagram().version(), response.encode());
        return response;
    }

    @Test
    void pokesAtOnceThenEveryIntervalWithSequencesInStepsOfThree() {
        Inbound.Control first = nextPoke();
        clock.advance(POKES.multipliedBy(2));

        assertThat(first.datagram().sequence()).isEqualTo(AgentSession.FIRST_POKE_SEQUENCE);
        assertThat(nextPoke().datagram().sequence()).isEqualTo(AgentSession.FIRST_POKE_SEQUENCE + 3);
        assertThat(nextPoke().datagram().sequence()).isEqualTo(AgentSession.FIRST_POKE_SEQUENCE + 6);
        assertThat(sink.size()).isZero();
    }

    @Test
    void anEmptyControlDatagramMakesItPokeAtOnce() {
        nextPoke();

        agent.receive(HOST, host.sealControl(4, 1, EmptyControl.INSTANCE.encode()));

        assertThat(nextPoke().datagram().sequence()).isEqualTo(AgentSession.FIRST_POKE_SEQUENCE + 3);
        assertThat(agent.stats().pokeRequests()).isEqualTo(1);
    }

    @Test
    void aResponseKeysTheChannelTheHelloFollowsAndDataFlowsBothWays() {
        answer(nextPoke());

        Inbound hello = next();
        assertThat(hello).isInstanceOfSatisfying(Inbound.Data.class, d -> {
            assertThat(d.body()).isInstanceOf(UnusedHello.class);
            assertThat(d.datagram().sequence()).isEqualTo(1);
        });
        agent.receive(HOST, host.sealData(RESEND));
        endpoints.current().send(RESEND);
        clock.runDue();

        assertThat(endpoints.current().received()).containsExactly(RESEND);
        assertThat(((Inbound.Data) next()).body()).isEqualTo(RESEND);
        AgentStats stats = agent.stats();
        assertThat(stats.boundHost()).contains(HOST);
        assertThat(stats.dataKeyFingerprint()).contains(host.channel().orElseThrow().dataKeyFingerprint());
        assertThat(stats.dataSent()).isEqualTo(2);
        assertThat(stats.drops()).isEmpty();
    }

    @Test
    void aLaterResponseReKeysAndStartsTheSequencesOver() {
        answer(nextPoke());
        next();
        agent.receive(HOST, host.sealData(RESEND));
        ByteBuffer underOldKey = host.sealData(RESEND);
        clock.advance(POKES);
        Inbound.Control bound = nextPoke();
        assertThat(((Poke) bound.message()).bound()).isEqualTo(Endpoint.of(HOST));

        answer(bound);
        agent.receive(HOST, underOldKey);

        assertThat(((Inbound.Data) next()).datagram().sequence()).as("the new hello").isEqualTo(1);
        agent.receive(HOST, host.sealData(RESEND));
        AgentStats stats = agent.stats();
        assertThat(stats.handshakes()).isEqualTo(2);
        assertThat(stats.drops()).isEqualTo(Map.of(DropReason.HMAC_MISMATCH, 1L));
        assertThat(endpoints.current().received()).containsExactly(RESEND, RESEND);
        assertThat(endpoints.current().connections()).isEqualTo(2);
    }

    @Test
    void aRebootForgetsTheHostAndPokesUnboundWithANewNonce() {
        Inbound.Control first = nextPoke();
        answer(first);
        next();
        RecordingEndpoint before = endpoints.current();

        before.requestReboot();
        clock.runDue();
        agent.receive(HOST, host.sealData(RESEND));

        Inbound.Control rebooted = nextPoke();
        assertThat(rebooted.datagram().sequence()).isEqualTo(AgentSession.FIRST_POKE_SEQUENCE);
        assertThat(((Poke) rebooted.message()).isUnbound()).isTrue();
        assertThat(((Poke) rebooted.message()).nonce()).isNotEqualTo(((Poke) first.message()).nonce());
        assertThat(before.isClosed()).isTrue();
        AgentStats stats = agent.stats();
        assertThat(stats.boots()).isEqualTo(2);
        assertThat(stats.boundHost()).isEmpty();
        assertThat(stats.drops()).as("data after the reboot has no key").isEqualTo(Map.of(DropReason.NO_DATA_KEY, 1L));
    }

    @Test
    void whatDoesNotBelongIsDroppedByReason() {
        Inbound.Control poke = nextPoke();
        ControlResponse response = answer(poke);
        next();

        agent.receive(HOST, host.sealControl(4, poke.datagram().sequence(), response.encode()));
        agent.receive(STRANGER, host.sealData(RESEND));
        ByteBuffer data = host.sealData(RESEND);
        agent.receive(HOST, data);
        agent.receive(HOST, data.rewind());
        agent.receive(HOST, host.sealControl(4, 9, new byte[] {1, 9}));
        agent.receive(HOST, ByteBuffer.wrap("plain text".getBytes()));

        assertThat(agent.stats().drops()).isEqualTo(Map.of(DropReason.UNKNOWN_NONCE, 1L,
                DropReason.WRONG_SOURCE, 1L, DropReason.STALE_SEQUENCE, 1L, DropReason.MALFORMED_BODY, 1L,
                DropReason.BAD_MAGIC, 1L));
        assertThat(endpoints.current().received()).containsExactly(RESEND);
    }
}
