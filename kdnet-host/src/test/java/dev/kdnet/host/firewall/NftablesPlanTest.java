package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading {@code nft -a list ruleset} and planning --apply and --remove from it, without nft. */
class NftablesPlanTest {
    /** A host with its own inet filter table dropping the port, an iptables-nft table, a prerouting chain. */
    private static final String LISTING = """
            table inet filter { # handle 1
            \tchain input { # handle 1
            \t\ttype filter hook input priority filter; policy accept;
            \t\tudp dport 50000 drop # handle 4
            \t}
            \tchain forward { # handle 2
            \t\ttype filter hook forward priority filter; policy drop;
            \t}
            }
            table ip filter { # handle 2
            \tchain INPUT { # handle 1
            \t\ttype filter hook input priority filter; policy drop;
            \t}
            }
            table ip6 filter { # handle 3
            \tchain INPUT { # handle 1
            \t\ttype filter hook input priority filter; policy drop;
            \t}
            }
            table ip nat { # handle 4
            \tchain PREROUTING { # handle 1
            \t\ttype nat hook prerouting priority dstnat; policy accept;
            \t}
            }
            """;
    /** The same after an apply: our table, and tagged accepts at the head of the two input chains. */
    private static final String APPLIED = """
            table inet filter { # handle 1
            \tchain input { # handle 1
            \t\ttype filter hook input priority filter; policy accept;
            \t\tudp dport 50000-50039 accept comment "kdnet" # handle 7
            \t\tudp dport 50000 drop # handle 4
            \t}
            }
            table ip filter { # handle 2
            \tchain INPUT { # handle 1
            \t\ttype filter hook input priority filter; policy drop;
            \t\tudp dport 50000-50039 accept comment "kdnet" # handle 8
            \t\tudp dport 22 accept comment "kdnet-like but not ours" # handle 9
            \t}
            }
            table inet kdnet { # handle 5
            \tchain input { # handle 1
            \t\ttype filter hook input priority -10; policy accept;
            \t\tudp dport 50000-50039 accept comment "kdnet" # handle 2
            \t}
            }
            """;

    @Test
    void readsTablesChainsTheirHookAndOurTaggedRules() {
        NftRuleset ruleset = NftRuleset.parse(APPLIED);

        assertThat(ruleset.tables()).containsExactly("inet filter", "ip filter", "inet kdnet");
        assertThat(ruleset.hasOurTable()).isTrue();
        assertThat(ruleset.chains()).containsExactly(
                new NftRuleset.Chain("inet", "filter", "input", true, List.of(7)),
                new NftRuleset.Chain("ip", "filter", "INPUT", true, List.of(8)),
                new NftRuleset.Chain("inet", "kdnet", "input", true, List.of(2)));
    }

    @Test
    void applyInsertsAnAcceptInEveryOtherIpv4InputBaseChainAfterOurTable() {
        Command apply = NftablesPlan.apply(Scopes.DEFAULT, NftRuleset.parse(LISTING));

        assertThat(apply.argv()).containsExactly("nft", "-f", "-");
        assertThat(apply.stdin().lines().filter(line -> !line.startsWith("#"))).containsExactly(
                "add table inet kdnet",
                "add chain inet kdnet input { type filter hook input priority -10; policy accept; }",
                "add rule inet kdnet input udp dport 50000-50039 accept comment \"kdnet\"",
                "insert rule inet filter input udp dport 50000-50039 accept comment \"kdnet\"",
                "insert rule ip filter INPUT udp dport 50000-50039 accept comment \"kdnet\"");
    }

    @Test
    void applyAgainFirstRemovesWhatTheLastApplyAdded() {
        Command apply = NftablesPlan.apply(Scopes.DEFAULT, NftRuleset.parse(APPLIED));

        assertThat(apply.stdin().lines().filter(line -> !line.startsWith("#")).limit(3)).containsExactly(
                "delete rule inet filter input handle 7",
                "delete rule ip filter INPUT handle 8",
                "delete table inet kdnet");
        assertThat(apply.stdin()).containsOnlyOnce("add table inet kdnet")
                .containsOnlyOnce("insert rule inet filter input").containsOnlyOnce("insert rule ip filter INPUT");
    }

    @Test
    void removeDeletesOurTableAndTaggedRulesOnly() {
        assertThat(NftablesPlan.remove(NftRuleset.parse(APPLIED))).hasValueSatisfying(command -> assertThat(
                command.stdin()).isEqualTo("delete rule inet filter input handle 7\n"
                        + "delete rule ip filter INPUT handle 8\ndelete table inet kdnet\n"));
    }

    @Test
    void removeWithNothingOfOursDoesNothing() {
        assertThat(NftablesPlan.remove(NftRuleset.parse(LISTING))).isEmpty();
    }
}
