package dev.kdnet.sim.nic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kdnet.protocol.netty.UdpTransport;
import io.netty.channel.epoll.Epoll;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ICMP errors for the agent's pokes over real loopback sockets, where the kernel answers port unreachable. */
@Timeout(30)
class AgentIcmpTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int POKES = 3;

    @Test
    void pokesToAPortNobodyListensOnComeBackAsPortUnreachableFromTheHostAndPokingGoesOn() throws Exception {
        assumeTrue(Epoll.isAvailable(), "the error queue needs epoll: " + Epoll.unavailabilityCause());
        int closedPort = freePort();
        AgentConfig config = AgentConfig.of(AgentHarness.KEY, AgentHarness.ipv4("127.0.0.1"), closedPort,
                AgentHarness.TARGET_IP).withPokeInterval(AgentHarness.FAST_POKES);
        try (UdpTransport transport = UdpTransport.create(1);
                TargetAgent agent = TargetAgent.start(transport, config, new RecordingEndpoints())) {
            await().atMost(WAIT).until(() -> agent.stats().icmpErrors().count(IcmpErrorKind.PORT_UNREACHABLE)
                    >= POKES);

            AgentStats stats = agent.stats();
            assertThat(stats.icmpErrors().reporters(IcmpErrorKind.PORT_UNREACHABLE))
                    .containsExactly(AgentHarness.ipv4("127.0.0.1"));
            assertThat(stats.icmpErrors().total())
                    .isEqualTo(stats.icmpErrors().count(IcmpErrorKind.PORT_UNREACHABLE));
            assertThat(stats.pokesSent()).isGreaterThanOrEqualTo(POKES);
            assertThat(stats.sendFailures()).isZero();
        }
    }

    @Test
    void pokesAHostAnswersBringNoIcmpError() throws Exception {
        assumeTrue(Epoll.isAvailable(), "the error queue needs epoll: " + Epoll.unavailabilityCause());
        try (AgentHarness h = AgentHarness.start(AgentHarness.FAST_POKES)) {
            h.host.nextPoke();
            h.host.nextPoke();

            assertThat(h.agent.stats().icmpErrors()).isEqualTo(IcmpSummary.NONE);
        }
    }

    private static int freePort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            return probe.getLocalPort();
        }
    }
}
