package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nftables script against nft's documented command syntax ({@code add table FAMILY NAME}, {@code add chain ...
 * { type filter hook input priority N; policy accept; }}, {@code add rule ... MATCH accept comment "..."}); the real
 * {@code nft} runs it in RulesApplyIT.
 */
class NftablesRulesTest {
    private static final String FAMILY = "(ip|ip6|inet|arp|bridge|netdev)";
    private static final String TABLE = "add table " + FAMILY + " [a-z][a-z0-9_]*";
    private static final String BASE_CHAIN = "add chain " + FAMILY + " [a-z][a-z0-9_]* [a-z][a-z0-9_]*"
            + " \\{ type filter hook (prerouting|input|forward|output|postrouting) priority -?[0-9]+;"
            + " policy (accept|drop); }";
    private static final String MATCH = "(ip saddr [0-9.]+(/[0-9]{1,2})? )?(ip daddr [0-9.]+ )?"
            + "udp dport [0-9]{1,5}(-[0-9]{1,5})?";
    private static final String RULE = "(add|insert) rule " + FAMILY + " [a-z][a-z0-9_]* [A-Za-z][A-Za-z0-9_]* "
            + MATCH + " accept comment \"kdnet\"";

    @Test
    void theScriptIsOurTableItsInputChainAndTheAccept() {
        List<Rule> rules = RuleFormat.NFTABLES.rules(Scopes.NARROW).rules();

        assertThat(rules).extracting(Rule::text).satisfiesExactly(
                table -> assertThat(table).matches(TABLE).isEqualTo("add table inet kdnet"),
                chain -> assertThat(chain).matches(BASE_CHAIN).contains("hook input").contains("policy accept"),
                accept -> assertThat(accept).matches(RULE).isEqualTo("add rule inet kdnet input ip saddr"
                        + " 10.213.2.0/24 ip daddr 10.213.1.1 udp dport 50000-50001 accept comment \"kdnet\""));
    }

    @Test
    void everyOtherLineIsAComment() {
        assertThat(RuleFormat.NFTABLES.rules(Scopes.DEFAULT).text().lines())
                .allMatch(line -> line.startsWith("# ") || line.startsWith("add "));
    }

    @Test
    void theAcceptForAnotherTablesChainIsInsertedAtItsHead() {
        Rule rule = NftablesRules.acceptAtHead("ip", "filter", "INPUT", Scopes.DEFAULT);

        assertThat(rule.text()).matches(RULE)
                .isEqualTo("insert rule ip filter INPUT udp dport 50000-50039 accept comment \"kdnet\"");
    }

    @Test
    void aSinglePortIsNoRange() {
        assertThat(RuleFormat.NFTABLES.rules(Scopes.ONE_PORT).rules().get(2).text())
                .endsWith("udp dport 50005 accept comment \"kdnet\"");
    }
}
