package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads {@code ip xfrm policy} as recorded in a namespace (xfrm-policy.txt). */
class XfrmStateTest {
    private static final String POLICIES = StateSamples.read("xfrm-policy.txt");

    @Test
    void aPortWithBypassPoliciesInBothDirectionsIsNotBlocked() {
        assertThat(XfrmState.blockers(POLICIES, 50000)).isEmpty();
    }

    @Test
    void anotherPortIsHeldByTheEspPoliciesOfBothDirections() {
        assertThat(XfrmState.blockers(POLICIES, 50002)).extracting(Blocker::effect, Blocker::inbound, Blocker::text)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Blocker.Effect.REQUIRES_ESP, true,
                                "src 10.213.2.0/24 dst 10.213.1.0/24 dir in priority 1000 tmpl proto esp reqid 0"
                                        + " mode transport"),
                        org.assertj.core.groups.Tuple.tuple(Blocker.Effect.REQUIRES_ESP, false,
                                "src 10.213.1.0/24 dst 10.213.2.0/24 dir out priority 1000 tmpl proto esp reqid 0"
                                        + " mode transport"));
        assertThat(XfrmState.blockers(POLICIES, 50002)).allSatisfy(b -> assertThat(b.condition())
                .isEqualTo("the target is in 10.213.2.0/24"));
    }

    @Test
    void aBlockPolicyForThePortIsNamed() {
        assertThat(XfrmState.blockers(POLICIES, 50001)).extracting(Blocker::effect)
                .contains(Blocker.Effect.BLOCK);
    }

    @Test
    void aBypassOnOneEndOnlyLeavesTheOtherDirectionBlocked() {
        String inOnly = POLICIES.replace("src 10.213.1.0/24 dst 10.213.2.0/24 proto udp sport 50000 \n"
                + "\tdir out priority 100 ptype main \n", "");
        assertThat(inOnly).isNotEqualTo(POLICIES);
        assertThat(XfrmState.blockers(inOnly, 50000)).singleElement()
                .satisfies(b -> assertThat(b.inbound()).isFalse());
    }

    @Test
    void theLabsEspPoliciesHoldThePortInBothDirectionsForTheWholeSubnet() {
        assertThat(XfrmState.blockers(StateSamples.read("xfrm-lab-esp.txt"), 50000))
                .extracting(Blocker::inbound, Blocker::condition).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(true, "the target is in 10.213.1.0/24"),
                        org.assertj.core.groups.Tuple.tuple(false, "the target is in 10.213.1.0/24"));
    }

    @Test
    void theGeneratedBypassForOneTargetWinsForItAndTheEspPolicyIsNamedOnlyForTheRestOfTheSubnet() {
        assertThat(XfrmState.blockers(StateSamples.read("xfrm-lab-esp-host-bypass.txt"), 50000))
                .extracting(Blocker::inbound, Blocker::condition).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(true, "the target is in 10.213.1.0/24 but not"
                                + " 10.213.1.2/32 to 10.213.0.1/32 (let through by a bypass at priority 0)"),
                        org.assertj.core.groups.Tuple.tuple(false, "the target is in 10.213.1.0/24 but not"
                                + " 10.213.0.1/32 to 10.213.1.2/32 (let through by a bypass at priority 0)"));
    }

    @Test
    void theBypassedTargetIsLeftOutOfTheEspPolicysTargetsAndTheRestOfTheSubnetIsIn() throws Exception {
        List<Blocker> blockers = XfrmState.blockers(StateSamples.read("xfrm-lab-esp-host-bypass.txt"), 50000);

        assertThat(blockers).hasSize(2).allSatisfy(blocker -> {
            assertThat(blocker.targets().include(InetAddress.getByName("10.213.1.2"))).as("the bypassed target")
                    .isFalse();
            assertThat(blocker.targets().include(InetAddress.getByName("10.213.1.3"))).as("another in the subnet")
                    .isTrue();
            assertThat(blocker.targets().include(InetAddress.getByName("10.213.9.2"))).as("outside the selector")
                    .isFalse();
        });
    }

    @Test
    void atTheSamePriorityTheOlderPolicyWinsAndIpListsTheNewestFirst() {
        assertThat(XfrmState.blockers(StateSamples.read("xfrm-same-priority-esp-older.txt"), 50000))
                .singleElement().satisfies(b -> assertThat(b.condition())
                        .isEqualTo("the target is in 10.213.1.0/24"));
        assertThat(XfrmState.blockers(StateSamples.read("xfrm-same-priority-bypass-older.txt"), 50000))
                .singleElement().satisfies(b -> assertThat(b.condition()).isEqualTo("the target is in"
                        + " 10.213.1.0/24 but not 10.213.1.2/32 to 10.213.0.1/32 (let through by a bypass at"
                        + " priority 0)"));
    }

    @Test
    void prefixesContainTheirSubnets() {
        assertThat(XfrmState.contains("0.0.0.0/0", "10.213.1.0/24")).isTrue();
        assertThat(XfrmState.contains("10.213.0.0/16", "10.213.1.0/24")).isTrue();
        assertThat(XfrmState.contains("10.213.1.0/24", "10.213.0.0/16")).isFalse();
        assertThat(XfrmState.contains("10.213.2.0/24", "10.213.1.0/24")).isFalse();
    }
}
