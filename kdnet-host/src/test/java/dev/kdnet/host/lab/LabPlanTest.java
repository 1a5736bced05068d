package dev.kdnet.host.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.args.UsageException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabPlanTest {
    private static final List<String> RULES = List.of("java", "-jar", "kdnet-host.jar", "rules");

    private static List<String> lines(LabPlan plan) {
        return plan.setup().stream().map(LabStep::text).toList();
    }

    private static LabSpec spec(int routers, boolean nat, String firewall, String ipsec, String rules,
            boolean linkLocal) {
        return new LabSpec(routers, nat, Optional.ofNullable(firewall).map(FirewallSpec::parse),
                Optional.ofNullable(ipsec).map(IpsecSpec::parse),
                Optional.ofNullable(rules).map(RulesSpec::parse), linkLocal, 50000);
    }

    @Test
    void twoRoutersMakeFourNamespacesChainedByThreeSubnetsWithRoutesBothWays() {
        LabPlan plan = LabPlan.of(LabSpec.plain(2, 50000), "kdn-L1-abcd", RULES);

        assertThat(plan.namespaces()).containsExactly("kdn-L1-abcd-h", "kdn-L1-abcd-r1", "kdn-L1-abcd-r2",
                "kdn-L1-abcd-t");
        assertThat(plan.hostAddress()).isEqualTo("10.213.0.1");
        assertThat(plan.targetAddress()).isEqualTo("10.213.2.2");
        assertThat(plan.targetSeenAs()).isEqualTo("10.213.2.2");
        assertThat(lines(plan)).contains(
                "ip link add totarget netns kdn-L1-abcd-h type veth peer name tohost netns kdn-L1-abcd-r1",
                "ip link add totarget netns kdn-L1-abcd-r2 type veth peer name tohost netns kdn-L1-abcd-t",
                "ip -n kdn-L1-abcd-r1 addr add 10.213.1.1/24 dev totarget",
                "ip -n kdn-L1-abcd-r2 addr add 10.213.1.2/24 dev tohost",
                "ip netns exec kdn-L1-abcd-r1 sysctl -qw net.ipv4.ip_forward=1",
                "ip netns exec kdn-L1-abcd-r2 sysctl -qw net.ipv4.ip_forward=1",
                "ip -n kdn-L1-abcd-h route add default via 10.213.0.2",
                "ip -n kdn-L1-abcd-t route add default via 10.213.2.1",
                "ip -n kdn-L1-abcd-r1 route add 10.213.2.0/24 via 10.213.1.2",
                "ip -n kdn-L1-abcd-r2 route add 10.213.0.0/24 via 10.213.1.1");
        assertThat(lines(plan)).noneMatch(line -> line.contains("nft") || line.contains("xfrm")
                || line.contains("iptables"));
    }

    @Test
    void everyNamespaceIsAddedBeforeUseAndDeletedAtTheEndAndNothingOutsideThemIsTouched() {
        LabPlan plan = LabPlan.of(spec(3, true, "router:drop", "require-esp", "xfrm", false), "kdn-L1-abcd", RULES);

        assertThat(plan.teardown()).extracting(LabStep::text).containsExactly("ip netns del kdn-L1-abcd-t",
                "ip netns del kdn-L1-abcd-r3", "ip netns del kdn-L1-abcd-r2", "ip netns del kdn-L1-abcd-r1",
                "ip netns del kdn-L1-abcd-h");
        List<String> setup = lines(plan);
        assertThat(setup.subList(0, 5)).allMatch(line -> line.startsWith("ip netns add kdn-L1-abcd-"));
        assertThat(setup.subList(5, setup.size())).allMatch(line -> line.startsWith("ip -n kdn-L1-abcd-")
                || line.startsWith("ip netns exec kdn-L1-abcd-")
                || line.startsWith("ip link add totarget netns kdn-L1-abcd-"));
    }

    @Test
    void withoutRoutersTheHostAndTheTargetShareOneLinkAndNeedNoRoute() {
        LabPlan plan = LabPlan.of(LabSpec.plain(0, 50000), "p", RULES);

        assertThat(plan.namespaces()).containsExactly("p-h", "p-t");
        assertThat(plan.targetAddress()).isEqualTo("10.213.0.2");
        assertThat(lines(plan)).noneMatch(line -> line.contains(" route ") || line.contains("ip_forward"));
    }

    @Test
    void natMasqueradesOnTheRouterNearestTheHostWhichIsWhereTheHostSeesTheTarget() {
        LabPlan plan = LabPlan.of(spec(2, true, null, null, null, false), "p", RULES);

        LabStep nat = plan.setup().stream().filter(step -> step.input().contains("masquerade")).findFirst()
                .orElseThrow();
        assertThat(nat.text()).isEqualTo("ip netns exec p-r1 nft -f -");
        assertThat(nat.input()).contains("type nat hook postrouting priority srcnat", "oifname \"tohost\" masquerade");
        assertThat(plan.targetSeenAs()).isEqualTo("10.213.0.2");
    }

    @Test
    void aHostFirewallDropsOrRejectsThePortOnTheHostsInputWithTheToolAskedFor() {
        LabStep drop = LabPlan.of(spec(0, false, "host:drop", null, null, false), "p", RULES).setup().stream()
                .filter(step -> step.text().contains("nft")).findFirst().orElseThrow();
        assertThat(drop.text()).isEqualTo("ip netns exec p-h nft -f -");
        assertThat(drop.input()).contains("table inet filter", "type filter hook input priority filter",
                "udp dport 50000 counter drop comment \"kdnet lab: the host firewall drops the KDNET port\"");

        assertThat(lines(LabPlan.of(spec(0, false, "host:reject:iptables", null, null, false), "p", RULES)))
                .contains("ip netns exec p-h iptables -A INPUT -p udp --dport 50000 -m comment --comment"
                        + " kdnet lab: the host firewall rejects the KDNET port -j REJECT");
    }

    @Test
    void aRouterFirewallSitsInTheForwardChainOfTheRouterNearestTheHost() {
        LabPlan plan = LabPlan.of(spec(3, false, "router:drop", null, null, false), "p", RULES);

        LabStep drop = plan.setup().stream().filter(step -> step.text().contains("nft")).findFirst().orElseThrow();
        assertThat(drop.text()).isEqualTo("ip netns exec p-r1 nft -f -");
        assertThat(drop.input()).contains("type filter hook forward", "udp dport 50000 counter drop");
    }

    @Test
    void requiringEspPutsAnInAndAnOutPolicyBetweenTheEndSubnetsOnBothEndsAndNoneOnRouters() {
        LabPlan plan = LabPlan.of(spec(2, false, null, "require-esp", null, false), "p", RULES);

        String esp = " priority " + LabPlan.ESP_POLICY_PRIORITY + " tmpl proto esp mode transport level required";
        assertThat(lines(plan)).filteredOn(line -> line.contains("xfrm")).containsExactly(
                "ip -n p-h xfrm policy add src 10.213.0.0/24 dst 10.213.2.0/24 dir out" + esp,
                "ip -n p-h xfrm policy add src 10.213.2.0/24 dst 10.213.0.0/24 dir in" + esp,
                "ip -n p-t xfrm policy add src 10.213.2.0/24 dst 10.213.0.0/24 dir out" + esp,
                "ip -n p-t xfrm policy add src 10.213.0.0/24 dst 10.213.2.0/24 dir in" + esp);
    }

    @Test
    void requiringEspForTheHostsRepliesOnlyPutsOneOutPolicyOnTheHost() {
        LabPlan plan = LabPlan.of(spec(1, false, null, "require-esp-out", null, false), "p", RULES);

        assertThat(lines(plan)).filteredOn(line -> line.contains("xfrm")).containsExactly(
                "ip -n p-h xfrm policy add src 10.213.0.0/24 dst 10.213.1.0/24 dir out priority "
                        + LabPlan.ESP_POLICY_PRIORITY + " tmpl proto esp mode transport level required");
    }

    @Test
    void rulesAreAppliedByTheRulesCommandInsideTheNamespacesOfTheEndsAskedFor() {
        List<String> both = lines(LabPlan.of(spec(1, false, null, "require-esp", "xfrm", false), "p", RULES));
        assertThat(both).filteredOn(line -> line.contains(" rules ")).hasSize(2)
                .containsExactly("ip netns exec p-h java -jar kdnet-host.jar rules --format xfrm --ports 50000 --host"
                        + " 10.213.0.1 --target 10.213.1.2 --apply", "ip netns exec p-t java -jar kdnet-host.jar rules"
                        + " --format xfrm --ports 50000 --host 10.213.0.1 --target 10.213.1.2 --side target --apply");

        List<String> hostOnly = lines(LabPlan.of(spec(1, false, null, "require-esp", "xfrm:host", false), "p", RULES));
        assertThat(hostOnly).filteredOn(line -> line.contains(" rules ")).singleElement()
                .satisfies(line -> assertThat(line).startsWith("ip netns exec p-h "));

        List<String> nftables = lines(LabPlan.of(spec(0, false, "host:drop", null, "nftables", false), "p", RULES));
        assertThat(nftables.get(nftables.size() - 1)).startsWith("ip netns exec p-h java -jar kdnet-host.jar rules"
                + " --format nftables");
    }

    @Test
    void aLinkLocalTargetSitsOn169dot254WhileTheOtherLinksKeepTheirSubnets() {
        LabPlan plan = LabPlan.of(spec(1, false, null, null, null, true), "p", RULES);

        assertThat(plan.targetAddress()).isEqualTo("169.254.213.2");
        assertThat(plan.hostAddress()).isEqualTo("10.213.0.1");
        assertThat(lines(plan)).contains("ip -n p-t route add default via 169.254.213.1",
                "ip -n p-r1 addr add 169.254.213.1/24 dev totarget");
    }

    @Test
    void combinationsTheLabCannotBuildAreRefusedInOneLine() {
        assertThatThrownBy(() -> spec(0, true, null, null, null, false)).isInstanceOf(UsageException.class)
                .hasMessage("--nat needs a router to masquerade on; add --routers 1 or more");
        assertThatThrownBy(() -> spec(0, false, "router:drop", null, null, false))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs a router");
        assertThatThrownBy(() -> LabSpec.plain(LabSpec.MAX_ROUTERS + 1, 50000)).isInstanceOf(UsageException.class)
                .hasMessage("--routers 33 is out of range; expected 0 to 32");
    }
}
