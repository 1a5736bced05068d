package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The xfrm bypass entries against ip-xfrm(8): {@code ip xfrm policy add SELECTOR dir DIR [priority PRIORITY]
 * [action ACTION]}, {@code SELECTOR := [src ADDR[/PLEN]] [dst ADDR[/PLEN]] [UPSPEC]}, {@code UPSPEC := proto udp
 * [sport PORT] [dport PORT]} (one port, no range), {@code DIR := in | out | fwd}, {@code ACTION := allow | block}.
 */
class XfrmRulesTest {
    private static final String SYNTAX = "ip xfrm policy add src [0-9.]+/[0-9]{1,2} dst [0-9.]+/[0-9]{1,2}"
            + " proto udp dport [0-9]{1,5} dir (in|out|fwd) priority [0-9]+ action allow";

    @Test
    void everyEntryFollowsTheSyntaxWithOnePortAndTheHighestPriority() {
        List<Rule> rules = RuleFormat.XFRM.rules(Scopes.NARROW).rules();

        assertThat(rules).extracting(Rule::text).allMatch(text -> text.matches(SYNTAX))
                .allMatch(text -> text.contains(" priority 0 "));
        assertThat(rules).hasSize(2 * 3 * 2);
    }

    @Test
    void theHostLetsTheTargetInAndItsRepliesOut() {
        assertThat(XfrmRules.rules(Scopes.ONE_PORT, Side.HOST)).extracting(Rule::text).containsExactly(
                "ip xfrm policy add src 10.213.2.7/32 dst 10.213.1.1/32 proto udp dport 50005 dir in priority 0"
                        + " action allow",
                "ip xfrm policy add src 10.213.1.1/32 dst 10.213.2.7/32 proto udp dport 50005 dir out priority 0"
                        + " action allow");
    }

    @Test
    void theTargetsEndIsTheMirrorImage() {
        assertThat(XfrmRules.rules(Scopes.ONE_PORT, Side.TARGET)).extracting(Rule::text).containsExactly(
                "ip xfrm policy add src 10.213.2.7/32 dst 10.213.1.1/32 proto udp dport 50005 dir out priority 0"
                        + " action allow",
                "ip xfrm policy add src 10.213.1.1/32 dst 10.213.2.7/32 proto udp dport 50005 dir in priority 0"
                        + " action allow");
    }

    @Test
    void aRouterForwardsBothWays() {
        assertThat(XfrmRules.rules(Scopes.ONE_PORT, Side.ROUTER)).extracting(Rule::text)
                .allMatch(text -> text.contains(" dir fwd ")).hasSize(2);
    }

    @Test
    void withoutAddressesTheRoutersTwoEntriesAreOne() {
        assertThat(XfrmRules.rules(Scopes.DEFAULT, Side.ROUTER)).hasSize(Scope.KDNET_PORTS.ports().size());
    }

    @Test
    void onlyTheNamedSidesArePrinted() {
        String printed = RuleFormat.XFRM.rules(Scopes.DEFAULT).text();

        assertThat(printed).contains("# On the debugging host:").contains("# On the target's end")
                .doesNotContain("dir fwd");
    }

    @Test
    void theDeletionsNameExactlyTheAddedEntries() {
        assertThat(XfrmRules.deletions(Scopes.ONE_PORT, Side.HOST)).containsExactly(
                List.of("ip", "xfrm", "policy", "deleteall", "src", "10.213.2.7/32", "dst", "10.213.1.1/32",
                        "proto", "udp", "dport", "50005", "dir", "in", "priority", "0", "action", "allow"),
                List.of("ip", "xfrm", "policy", "deleteall", "src", "10.213.1.1/32", "dst", "10.213.2.7/32",
                        "proto", "udp", "dport", "50005", "dir", "out", "priority", "0", "action", "allow"));
    }
}
