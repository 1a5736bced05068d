package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reads {@code iptables-save} as recorded in a namespace (iptables-save.txt, iptables-save-policy-drop.txt). */
class IptablesStateTest {
    private static final String SAVED = StateSamples.read("iptables-save.txt");

    @Test
    void aDropForThePortIsNamedAsSaved() {
        assertThat(IptablesState.blockers(SAVED, 50000)).singleElement().satisfies(b -> {
            assertThat(b.text()).isEqualTo("-A INPUT -p udp -m udp --dport 50000 -j DROP");
            assertThat(b.place()).isEqualTo("table filter chain INPUT");
            assertThat(b.inbound()).isTrue();
            assertThat(b.certain()).isTrue();
        });
    }

    @Test
    void aRejectFromASubnetIsARejectUnderThatCondition() {
        assertThat(IptablesState.blockers(SAVED, 50005)).singleElement().satisfies(b -> {
            assertThat(b.effect()).isEqualTo(Blocker.Effect.REJECT);
            assertThat(b.condition()).isEqualTo("-s 10.213.2.0/24");
        });
    }

    @Test
    void multiportListsAndTheRawTableAndOutputCount() {
        assertThat(IptablesState.blockers(SAVED, 50031)).extracting(Blocker::text)
                .containsExactly("-A INPUT -p udp -m multiport --dports 50020,50030:50031 -j DROP");
        assertThat(IptablesState.blockers(SAVED, 50040)).extracting(Blocker::place)
                .containsExactly("table raw chain PREROUTING");
        assertThat(IptablesState.blockers(SAVED, 50050)).singleElement()
                .satisfies(b -> assertThat(b.inbound()).isFalse());
        assertThat(IptablesState.blockers(SAVED, 50060)).isEmpty();
    }

    @Test
    void aDropPolicyDropsThePortUnlessARuleAcceptsItFirst() {
        String saved = StateSamples.read("iptables-save-policy-drop.txt");

        assertThat(IptablesState.blockers(saved, 50000)).isEmpty();
        assertThat(IptablesState.blockers(saved, 50001)).singleElement().satisfies(b -> {
            assertThat(b.effect()).isEqualTo(Blocker.Effect.POLICY_DROP);
            assertThat(b.text()).isEqualTo("-P INPUT DROP");
        });
    }

    @Test
    void theLabsHostDropAndRejectWithACommentApplyToEveryTarget() {
        assertThat(IptablesState.blockers(StateSamples.read("iptables-save-lab-host-drop.txt"), 50000))
                .singleElement().satisfies(b -> {
                    assertThat(b.effect()).isEqualTo(Blocker.Effect.DROP);
                    assertThat(b.certain()).isTrue();
                    assertThat(b.describe(50000)).isEqualTo("iptables rule `-A INPUT -p udp -m udp --dport 50000 -m"
                            + " comment --comment \"kdnet lab: the host firewall drops the KDNET port\" -j DROP`"
                            + " (table filter chain INPUT) drops inbound UDP 50000");
                });
        assertThat(IptablesState.blockers(StateSamples.read("iptables-save-lab-host-reject.txt"), 50000))
                .singleElement().satisfies(b -> {
                    assertThat(b.effect()).isEqualTo(Blocker.Effect.REJECT);
                    assertThat(b.certain()).isTrue();
                });
    }

    @Test
    void otherProtocolsAreNoBlockers() {
        assertThat(IptablesState.verdict("-p tcp -m tcp --dport 50000 -j DROP", 50000)).isEmpty();
        assertThat(IptablesState.verdict("! -p udp -j DROP", 50000)).isEmpty();
        assertThat(IptablesState.verdict("-j DROP", 50000)).hasValueSatisfying(v -> assertThat(v.certain()).isTrue());
    }
}
