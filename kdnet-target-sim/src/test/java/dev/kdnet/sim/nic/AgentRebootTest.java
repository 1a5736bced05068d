package dev.kdnet.sim.nic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The kernel's reboot request: a new endpoint, a new boot nonce, no host, and a new handshake. */
@Timeout(30)
class AgentRebootTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aRebootBootsANewEndpointWithANewNonceAndNoHostAndPokesAtOnce() throws Exception {
        try (AgentHarness h = AgentHarness.start(AgentHarness.SLOW_POKES)) {
            ScriptedHost.Received firstBoot = h.host.nextPoke();
            h.host.answer(firstBoot);
            h.host.nextData();
            RecordingEndpoint before = h.endpoints.current();
            await().atMost(WAIT).until(() -> before.connections() == 1);

            before.requestReboot();

            ScriptedHost.Received rebooted = h.host.nextPoke();
            assertThat(rebooted.datagram().sequence()).isEqualTo(AgentSession.FIRST_POKE_SEQUENCE);
            assertThat(rebooted.poke().bound()).isEqualTo(Endpoint.UNBOUND);
            assertThat(AgentPokeTest.bootBytes(rebooted.poke()))
                    .isNotEqualTo(AgentPokeTest.bootBytes(firstBoot.poke()));
            assertThat(before.isClosed()).isTrue();
            assertThat(h.endpoints.boots()).hasSize(2);
            AgentStats stats = h.agent.stats();
            assertThat(stats.boots()).isEqualTo(2);
            assertThat(stats.boundHost()).isEmpty();
            assertThat(stats.dataKeyFingerprint()).isEmpty();

            h.host.answer(rebooted);
            assertThat(h.host.nextData().datagram().sequence()).isEqualTo(1);
            await().atMost(WAIT).until(() -> h.endpoints.current().connections() == 1);
        }
    }

    @Test
    void theOldEndpointCanNoLongerSendAfterAReboot() throws Exception {
        try (AgentHarness h = AgentHarness.start(AgentHarness.SLOW_POKES)) {
            h.connect();
            RecordingEndpoint before = h.endpoints.current();
            await().atMost(WAIT).until(() -> before.connections() == 1);
            before.requestReboot();
            await().atMost(WAIT).until(() -> h.agent.stats().boots() == 2);

            before.send(KdPacket.control(KdPacketType.ACKNOWLEDGE, 0));

            await().atMost(WAIT).until(() -> h.agent.stats().staleSends() == 1);
            assertThat(h.agent.stats().dataSent()).isEqualTo(1);
        }
    }
}
