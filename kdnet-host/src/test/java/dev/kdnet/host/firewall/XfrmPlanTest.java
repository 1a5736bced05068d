package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Planning --apply and --remove for xfrm. */
class XfrmPlanTest {

    @Test
    void applyDeletesOurEntriesThenAddsThemForTheGivenSidesOnly() {
        List<String> lines = XfrmPlan.apply(Scopes.ONE_PORT, Set.of(Side.TARGET)).stream().map(Command::line)
                .toList();

        assertThat(lines).containsExactly(
                "ip xfrm policy deleteall src 10.213.2.7/32 dst 10.213.1.1/32 proto udp dport 50005 dir out"
                        + " priority 0 action allow",
                "ip xfrm policy deleteall src 10.213.1.1/32 dst 10.213.2.7/32 proto udp dport 50005 dir in"
                        + " priority 0 action allow",
                "ip xfrm policy add src 10.213.2.7/32 dst 10.213.1.1/32 proto udp dport 50005 dir out"
                        + " priority 0 action allow",
                "ip xfrm policy add src 10.213.1.1/32 dst 10.213.2.7/32 proto udp dport 50005 dir in"
                        + " priority 0 action allow");
    }

    @Test
    void removeIsTheDeletionsAlone() {
        assertThat(XfrmPlan.remove(Scopes.DEFAULT, Set.of(Side.HOST))).hasSize(2 * 40)
                .allMatch(command -> command.line().startsWith("ip xfrm policy deleteall "));
    }
}
