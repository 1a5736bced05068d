package dev.kdnet.sim.nic;

import dev.kdnet.protocol.control.EmptyControl;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.netty.UdpTransport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two targets on two ports in one process share the event loops and nothing else. */
@Timeout(30)
class TargetFleetTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void twoAgentsOnTwoPortsAreIsolated() throws Exception {
        try (ScriptedHost hostA = ScriptedHost.bind(AgentHarness.KEY);
                ScriptedHost hostB = ScriptedHost.bind(AgentHarness.KEY);
                UdpTransport transport = UdpTransport.create(1)) {
            RecordingEndpoints endpoints = new RecordingEndpoints();
            List<AgentConfig> configs = List.of(config(hostA), config(hostB));
            try (TargetFleet fleet = TargetFleet.start(transport, configs, endpoints)) {
                TargetAgent agentA = fleet.agents().get(0);
                TargetAgent agentB = fleet.agents().get(1);
                assertThat(endpoints.boots()).hasSize(2);
                ScriptedHost.Received pokeA = hostA.nextPoke();
                ScriptedHost.Received pokeB = hostB.nextPoke();
                assertThat(pokeA.sender().getPort()).isEqualTo(hostA.port());
                assertThat(pokeB.sender().getPort()).isEqualTo(hostB.port());
                assertThat(AgentPokeTest.bootBytes(pokeA.poke())).isNotEqualTo(AgentPokeTest.bootBytes(pokeB.poke()));

                hostA.answer(pokeA);
                hostA.nextData();
                hostB.sendRaw(hostA.sealData(1, KdPacket.control(KdPacketType.RESEND, 0)));

                await().atMost(WAIT).until(() -> agentB.stats().dropped(DropReason.NO_DATA_KEY) == 1);
                assertThat(agentA.stats().handshakes()).isEqualTo(1);
                assertThat(agentB.stats().handshakes()).isZero();
                assertThat(agentB.stats().boundHost()).isEmpty();
                assertThat(endpoints.boots().get(0).connections()).isEqualTo(1);
                assertThat(endpoints.boots().get(1).connections()).isZero();
                hostB.sendControl(1, EmptyControl.INSTANCE.encode());
                assertThat(hostB.nextPoke().poke().isUnbound()).isTrue();
            }
        }
    }

    private static AgentConfig config(ScriptedHost host) {
        return AgentConfig.of(AgentHarness.KEY, host.address(), host.port(), AgentHarness.TARGET_IP)
                .withPokeInterval(AgentHarness.SLOW_POKES);
    }
}
