package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The iptables rules against iptables-restore's documented file format: a {@code *table} line, chain declarations
 * {@code :NAME POLICY [packets:bytes]} (policy {@code -} for a user chain), rules as iptables arguments, comment
 * lines starting with {@code #}, and {@code COMMIT} last.
 */
class IptablesRulesTest {
    private static final String DECLARATION = ":[A-Za-z][A-Za-z0-9_-]* (-|ACCEPT|DROP) \\[[0-9]+:[0-9]+]";
    private static final String JUMP = "-I INPUT 1 -m comment --comment kdnet -j kdnet";
    private static final String ACCEPT = "-A kdnet (-s [0-9.]+(/[0-9]{1,2})? )?(-d [0-9.]+ )?-p udp -m udp"
            + " --dport [0-9]{1,5}(:[0-9]{1,5})? -m comment --comment kdnet -j ACCEPT";

    @Test
    void theFileIsOneFilterTableTransaction() {
        List<String> lines = RuleFormat.IPTABLES.rules(Scopes.NARROW).text().lines().toList();

        assertThat(lines.get(0)).isEqualTo("*filter");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("COMMIT");
        assertThat(lines.subList(1, lines.size() - 1)).allMatch(line -> line.startsWith("# ")
                || line.matches(DECLARATION) || line.startsWith("-A ") || line.startsWith("-I "));
    }

    @Test
    void ourChainIsDeclaredJumpedToFirstAndAcceptsThePorts() {
        List<String> rules = RuleFormat.IPTABLES.rules(Scopes.NARROW).rules().stream().map(Rule::text).toList();

        assertThat(rules).satisfiesExactly(
                chain -> assertThat(chain).matches(DECLARATION).isEqualTo(":kdnet - [0:0]"),
                jump -> assertThat(jump).isEqualTo(JUMP),
                accept -> assertThat(accept).matches(ACCEPT).isEqualTo("-A kdnet -s 10.213.2.0/24 -d 10.213.1.1"
                        + " -p udp -m udp --dport 50000:50001 -m comment --comment kdnet -j ACCEPT"));
    }

    @Test
    void withoutTargetOrHostOnlyThePortsAreMatched() {
        assertThat(RuleFormat.IPTABLES.rules(Scopes.DEFAULT).rules().get(2).text()).matches(ACCEPT)
                .isEqualTo("-A kdnet -p udp -m udp --dport 50000:50039 -m comment --comment kdnet -j ACCEPT");
    }
}
