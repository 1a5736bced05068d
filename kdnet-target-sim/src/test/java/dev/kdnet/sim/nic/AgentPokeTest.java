package dev.kdnet.sim.nic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kdnet.protocol.control.EmptyControl;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.session.SessionPeer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The agent's pokes over real loopback sockets, before any host answers. */
@Timeout(30)
class AgentPokeTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void firstPokeGoesOutAtOnceWithSequence3AndNoBoundHost() throws Exception {
        try (AgentHarness h = AgentHarness.start(AgentHarness.SLOW_POKES)) {
            ScriptedHost.Received received = h.host.nextPoke();

            Datagram datagram = received.datagram();
            assertThat(datagram.version()).isEqualTo(AgentConfig.DEFAULT_VERSION);
            assertThat(datagram.direction()).isEqualTo(Direction.TARGET_TO_HOST);
            assertThat(datagram.sequence()).isEqualTo(3);
            assertThat(datagram.bodyLength()).isEqualTo(Poke.LENGTH);
            assertThat(received.sender()).isEqualTo(new InetSocketAddress(AgentHarness.TARGET_IP, h.host.port()));
            Poke poke = received.poke();
            assertThat(poke.leadByte()).isEqualTo(Poke.LEAD_BYTE);
            assertThat(poke.target()).isEqualTo(Endpoint.of(AgentHarness.TARGET_IP, h.host.port()));
            assertThat(poke.host()).isEqualTo(Endpoint.of(h.host.address(), h.host.port()));
            assertThat(poke.bound()).isEqualTo(Endpoint.UNBOUND);
            assertThat(poke.reserved()).containsOnly(0);
        }
    }

    @Test
    void closingAgainOnceTheTransportIsClosedDoesNothing() throws Exception {
        AgentHarness h = AgentHarness.start(AgentHarness.SLOW_POKES);
        h.host.nextPoke();
        h.close();
        h.agent.close();
        h.agent.close();
    }

    @Test
    void eachPokeAddsThreeToTheSequenceAndOneToTheNonceCounter() throws Exception {
        try (AgentHarness h = AgentHarness.start(AgentHarness.FAST_POKES)) {
            ScriptedHost.Received first = h.host.nextPoke();
            ScriptedHost.Received second = h.host.nextPoke();
            ScriptedHost.Received third = h.host.nextPoke();

            assertThat(second.datagram().sequence()).isEqualTo(first.datagram().sequence() + 3);
            assertThat(third.datagram().sequence()).isEqualTo(second.datagram().sequence() + 3);
            assertThat(second.poke().nonceCounter()).isEqualTo((first.poke().nonceCounter() + 1) & 0xFFFF);
            assertThat(third.poke().nonceCounter()).isEqualTo((second.poke().nonceCounter() + 1) & 0xFFFF);
            assertThat(bootBytes(second.poke())).isEqualTo(bootBytes(first.poke()))
                    .isEqualTo(bootBytes(third.poke()));
            assertThat(third.poke().bound()).isEqualTo(Endpoint.UNBOUND);
        }
    }

    @Test
    void anEmptyControlDatagramFromAHostMakesItPokeAtOnce() throws Exception {
        try (AgentHarness h = AgentHarness.start(AgentHarness.SLOW_POKES)) {
            ScriptedHost.Received first = h.host.nextPoke();

            h.host.sendControl(1, EmptyControl.INSTANCE.encode());

            ScriptedHost.Received second = h.host.nextPoke();
            assertThat(second.datagram().sequence()).isEqualTo(first.datagram().sequence() + 3);
            assertThat(second.poke().bound()).isEqualTo(Endpoint.UNBOUND);
            assertThat(h.agent.stats().pokeRequests()).isEqualTo(1);
        }
    }

    @Test
    void badInputIsCountedByReasonAndDropped() throws Exception {
        try (AgentHarness h = AgentHarness.start(AgentHarness.FAST_POKES)) {
            h.host.nextPoke();
            SessionPeer otherKey = new SessionPeer(KdRole.HOST, KdnetKey.parse("1.2.3.5"));
            SessionPeer reflector = new SessionPeer(KdRole.TARGET, AgentHarness.KEY);

            h.host.sendRaw(otherKey.sealControl(4, 1, EmptyControl.INSTANCE.encode()));
            h.host.sendRaw("not a KDNET datagram at all, just text".getBytes());
            h.host.sendRaw(Arrays.copyOf(new byte[] {'M', 'D', 'B', 'G', 4, 1}, 40));
            h.host.sendControl(2, new byte[] {1, 9});
            h.host.sendRaw(reflector.sealControl(4, 3, EmptyControl.INSTANCE.encode()));

            await().atMost(WAIT).untilAsserted(() -> {
                AgentStats stats = h.agent.stats();
                assertThat(stats.dropped(DropReason.HMAC_MISMATCH)).isEqualTo(1);
                assertThat(stats.dropped(DropReason.BAD_MAGIC)).isEqualTo(1);
                assertThat(stats.dropped(DropReason.BAD_LENGTH)).isEqualTo(1);
                assertThat(stats.dropped(DropReason.MALFORMED_BODY)).isEqualTo(1);
                assertThat(stats.dropped(DropReason.WRONG_DIRECTION)).isEqualTo(1);
                assertThat(stats.totalDrops()).isEqualTo(5);
            });
            assertThat(h.agent.stats().pokeRequests()).isZero();
            assertThat(h.host.nextPoke().poke().bound()).isEqualTo(Endpoint.UNBOUND);
        }
    }

    static byte[] bootBytes(Poke poke) {
        return Arrays.copyOfRange(poke.nonce(), 2, Poke.NONCE_LENGTH);
    }
}
