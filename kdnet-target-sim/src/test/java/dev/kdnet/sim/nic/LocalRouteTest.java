package dev.kdnet.sim.nic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default local address is the one the system routes to the host with. */
class LocalRouteTest {
    @Test
    void theRouteToLoopbackStartsAtLoopback() {
        assertThat(LocalRoute.towards(AgentHarness.ipv4("127.0.0.1"), 50000))
                .isEqualTo(AgentHarness.ipv4("127.0.0.1"));
    }
}
