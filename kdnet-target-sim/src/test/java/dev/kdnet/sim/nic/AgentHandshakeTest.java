package dev.kdnet.sim.nic;

import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.EmptyControl;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.BreakIn;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.kd.UnusedHello;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A scripted host answers the agent's poke; then data flows, sequences are enforced, and a new response re-keys. */
@Timeout(30)
class AgentHandshakeTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final KdPacket RESEND = KdPacket.control(KdPacketType.RESEND, 0);
    private static final KdPacket ACK = KdPacket.control(KdPacketType.ACKNOWLEDGE, 0);

    @Test
    void anAcceptedResponseBringsTheHelloThenTheEndpointGetsTheHostsBodies() throws Exception {
        try (AgentHarness h = AgentHarness.start(AgentHarness.SLOW_POKES)) {
            ScriptedHost.Received hello = h.connect();

            assertThat(hello.datagram().sequence()).isEqualTo(1);
            assertThat(hello.datagram().direction()).isEqualTo(Direction.TARGET_TO_HOST);
            assertThat(hello.body()).isEqualTo(UnusedHello.naming(h.host.address()));
            assertThat(((UnusedHello) hello.body()).id()).isEqualTo(0x7F000001);
            RecordingEndpoint endpoint = h.endpoints.current();
            await().atMost(WAIT).until(() -> endpoint.connections() == 1);

            h.host.sendData(RESEND);
            h.host.sendData(BreakIn.INSTANCE);
            await().atMost(WAIT).until(() -> endpoint.received().size() == 2);
            assertThat(endpoint.received()).containsExactly(RESEND, BreakIn.INSTANCE);

            AgentStats stats = h.agent.stats();
            assertThat(stats.handshakes()).isEqualTo(1);
            assertThat(stats.boundHost()).contains(new InetSocketAddress(h.host.address(), h.host.port()));
            assertThat(stats.dataKeyFingerprint()).isPresent();
            assertThat(stats.dataDelivered()).isEqualTo(2);
            assertThat(stats.datagramsIn()).as("the response and two data datagrams").isEqualTo(3);
        }
    }

    @Test
    void theEndpointsBodiesFollowTheHelloWithTheNextSequenceNumbers() throws Exception {
        try (AgentHarness h = AgentHarness.start(AgentHarness.SLOW_POKES)) {
            h.connect();
            RecordingEndpoint endpoint = h.endpoints.current();
            await().atMost(WAIT).until(() -> endpoint.connections() == 1);

            endpoint.send(ACK);
            endpoint.send(RESEND);

            ScriptedHost.Received first = h.host.nextData();
            ScriptedHost.Received second = h.host.nextData();
            assertThat(first.datagram().sequence()).isEqualTo(2);
            assertThat(first.body()).isEqualTo(ACK);
            assertThat(second.datagram().sequence()).isEqualTo(3);
            assertThat(second.body()).isEqualTo(RESEND);
        }
    }

    @Test
    void pokesGoOnWithTheBoundHostFilledIn() throws Exception {
        try (AgentHarness h = AgentHarness.start(AgentHarness.FAST_POKES)) {
            h.connect();

            ScriptedHost.Received poke = h.host.nextBoundPoke();

            assertThat(poke.poke().bound()).isEqualTo(Endpoint.of(h.host.address(), h.host.port()));
            assertThat(poke.poke().host()).isEqualTo(Endpoint.of(h.host.address(), h.host.port()));
        }
    }

    @Test
    void aDataDatagramWhoseSequenceDoesNotExceedTheLastAcceptedIsDropped() throws Exception {
        try (AgentHarness h = AgentHarness.start(AgentHarness.SLOW_POKES)) {
            h.connect();
            RecordingEndpoint endpoint = h.endpoints.current();

            h.host.sendData(5, RESEND);
            h.host.sendData(5, ACK);
            h.host.sendData(4, ACK);
            h.host.sendData(6, BreakIn.INSTANCE);

            await().atMost(WAIT).until(() -> h.agent.stats().dataDelivered() == 2);
            assertThat(endpoint.received()).containsExactly(RESEND, BreakIn.INSTANCE);
            assertThat(h.agent.stats().dropped(DropReason.STALE_SEQUENCE)).isEqualTo(2);
        }
    }

    @Test
    void aResponseEchoingNoRecentNonceIsIgnored() throws Exception {
        try (AgentHarness h = AgentHarness.start(AgentHarness.SLOW_POKES)) {
            ScriptedHost.Received poke = h.host.nextPoke();
            byte[] stranger = new byte[32];
            new SplittableRandom(1).nextBytes(stranger);
            ControlResponse forged = new ControlResponse(1, stranger, new byte[32], new byte[256]);

            h.host.sendControl(poke.datagram().sequence(), forged.encode());

            await().atMost(WAIT).until(() -> h.agent.stats().dropped(DropReason.UNKNOWN_NONCE) == 1);
            assertThat(h.agent.stats().handshakes()).isZero();
            assertThat(h.agent.stats().boundHost()).isEmpty();
            assertThat(h.endpoints.current().connections()).isZero();
        }
    }

    @Test
    void aResponseIsAcceptedOnceSoAReplayedCopyDoesNotResetTheSession() throws Exception {
        try (AgentHarness h = AgentHarness.start(AgentHarness.SLOW_POKES)) {
            ScriptedHost.Received poke = h.host.nextPoke();
            ControlResponse response = h.host.answer(poke);
            h.host.nextData();

            h.host.sendControl(poke.datagram().sequence(), response.encode());

            await().atMost(WAIT).until(() -> h.agent.stats().dropped(DropReason.UNKNOWN_NONCE) == 1);
            assertThat(h.agent.stats().handshakes()).isEqualTo(1);
        }
    }

    @Test
    void aLaterResponseReKeysWithANewHelloAndFreshSequences() throws Exception {
        try (AgentHarness h = AgentHarness.start(AgentHarness.SLOW_POKES)) {
            h.connect();
            RecordingEndpoint endpoint = h.endpoints.current();
            h.host.sendData(RESEND);
            h.host.sendData(ACK);
            await().atMost(WAIT).until(() -> endpoint.received().size() == 2);
            String firstKey = h.agent.stats().dataKeyFingerprint().orElseThrow();
            h.host.sendControl(1, EmptyControl.INSTANCE.encode());

            h.host.answer(h.host.nextBoundPoke());

            ScriptedHost.Received hello = h.host.nextData();
            assertThat(hello.datagram().sequence()).isEqualTo(1);
            assertThat(hello.body()).isInstanceOf(UnusedHello.class);
            await().atMost(WAIT).until(() -> endpoint.connections() == 2);
            h.host.sendData(BreakIn.INSTANCE);
            await().atMost(WAIT).until(() -> endpoint.received().size() == 3);
            AgentStats stats = h.agent.stats();
            assertThat(stats.handshakes()).isEqualTo(2);
            assertThat(stats.dataKeyFingerprint()).isPresent().get().isNotEqualTo(firstKey);
            assertThat(stats.totalDrops()).isZero();
        }
    }

    @Test
    void aDataDatagramUnderTheRightKeyFromAnotherAddressIsDropped() throws Exception {
        try (AgentHarness h = AgentHarness.start(AgentHarness.SLOW_POKES);
                java.net.DatagramSocket elsewhere = new java.net.DatagramSocket(
                        new InetSocketAddress("127.0.0.1", 0))) {
            h.connect();
            byte[] wire = h.host.sealData(1, RESEND);

            elsewhere.send(new java.net.DatagramPacket(wire, wire.length, h.host.target()));

            await().atMost(WAIT).until(() -> h.agent.stats().dropped(DropReason.WRONG_SOURCE) == 1);
            assertThat(h.endpoints.current().received()).isEmpty();
        }
    }
}
