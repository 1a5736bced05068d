package dev.kdnet.host.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.args.UsageException;
import org.junit.jupiter.api.Test;

/** The values of {@code --firewall} and {@code --apply-rules}. */
class LabOptionsTextTest {
    @Test
    void aFirewallIsPlaceActionAndOptionallyTheToolNftablesByDefault() {
        assertThat(FirewallSpec.parse("host:drop")).isEqualTo(new FirewallSpec(FirewallSpec.Place.HOST,
                FirewallSpec.Action.DROP, FirewallSpec.Tool.NFTABLES));
        assertThat(FirewallSpec.parse("Router:Reject:iptables")).isEqualTo(new FirewallSpec(
                FirewallSpec.Place.ROUTER, FirewallSpec.Action.REJECT, FirewallSpec.Tool.IPTABLES));
        assertThat(FirewallSpec.parse("host:reject").text()).isEqualTo("host:reject:nftables");
    }

    @Test
    void anyOtherFirewallIsRefusedNamingTheFormsThatExist() {
        for (String wrong : new String[] {"host", "host:accept", "switch:drop", "host:drop:pf", "a:b:c:d"}) {
            assertThatThrownBy(() -> FirewallSpec.parse(wrong)).isInstanceOf(UsageException.class)
                    .hasMessage("--firewall " + wrong + " is not a firewall the lab builds; expected "
                            + FirewallSpec.FORMS);
        }
    }

    @Test
    void firewallRulesGoOnTheHostAndXfrmOnBothEndsUnlessOneIsNamed() {
        assertThat(RulesSpec.parse("nftables")).isEqualTo(new RulesSpec("nftables", RulesSpec.Ends.HOST));
        assertThat(RulesSpec.parse("iptables")).isEqualTo(new RulesSpec("iptables", RulesSpec.Ends.HOST));
        assertThat(RulesSpec.parse("xfrm")).isEqualTo(new RulesSpec("xfrm", RulesSpec.Ends.BOTH));
        assertThat(RulesSpec.parse("xfrm:target").ends()).isEqualTo(RulesSpec.Ends.TARGET);
        assertThat(RulesSpec.Ends.BOTH.host() && RulesSpec.Ends.BOTH.target()).isTrue();
        assertThat(RulesSpec.Ends.TARGET.host()).isFalse();
        assertThat(RulesSpec.Ends.HOST.target()).isFalse();
    }

    @Test
    void aFormatThatCannotBeAppliedHereIsRefused() {
        assertThatThrownBy(() -> RulesSpec.parse("windows-netsh")).isInstanceOf(UsageException.class)
                .hasMessage("--apply-rules windows-netsh is not a rule set the lab applies; expected "
                        + RulesSpec.FORMS);
    }
}
