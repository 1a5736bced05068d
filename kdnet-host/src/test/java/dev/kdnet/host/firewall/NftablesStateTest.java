package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads {@code nft -a list ruleset} as recorded in a namespace (nft-ruleset.txt, nft-ruleset-iptables-nft.txt). */
class NftablesStateTest {
    private static final String RULESET = StateSamples.read("nft-ruleset.txt");

    @Test
    void aDropForThePortIsNamedWithItsTableChainAndHandle() {
        List<Blocker> blockers = NftablesState.blockers(RULESET, 50000, true);

        assertThat(blockers).first().satisfies(b -> {
            assertThat(b.text()).isEqualTo("udp dport 50000 drop");
            assertThat(b.place()).isEqualTo("table inet filter chain input handle 3");
            assertThat(b.effect()).isEqualTo(Blocker.Effect.DROP);
            assertThat(b.inbound()).isTrue();
            assertThat(b.certain()).isTrue();
        });
        assertThat(blockers.get(0).describe(50000)).isEqualTo("nftables rule `udp dport 50000 drop` (table inet"
                + " filter chain input handle 3) drops inbound UDP 50000");
    }

    @Test
    void aPolicyDropOfAnotherBaseChainDropsThePortWhateverTheFirstChainDid() {
        assertThat(NftablesState.blockers(RULESET, 50000, true)).extracting(Blocker::effect, Blocker::place)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Blocker.Effect.DROP,
                        "table inet filter chain input handle 3"),
                        org.assertj.core.groups.Tuple.tuple(Blocker.Effect.POLICY_DROP, "table ip other chain inp"));
    }

    @Test
    void anAcceptBeforeThePolicyLetsThePortThrough() {
        assertThat(NftablesState.blockers(RULESET, 50030, true)).isEmpty();
    }

    @Test
    void aRangeRejectsAndCountersAreShownWithoutTheirNumbers() {
        assertThat(NftablesState.blockers(RULESET, 50015, true)).first().satisfies(b -> {
            assertThat(b.effect()).isEqualTo(Blocker.Effect.REJECT);
            assertThat(b.text()).isEqualTo("udp dport 50010-50020 counter reject");
        });
    }

    @Test
    void aSetWithASourceAddressIsADropUnderThatCondition() {
        Blocker blocker = NftablesState.blockers(RULESET, 50005, true).stream()
                .filter(b -> b.effect() == Blocker.Effect.DROP).findFirst().orElseThrow();
        assertThat(blocker.condition()).isEqualTo("ip saddr 10.213.0.0/16");
        assertThat(blocker.describe(50005)).endsWith("drops inbound UDP 50005 when ip saddr 10.213.0.0/16");
    }

    @Test
    void aNamedSetIsLookedUpInItsTable() {
        assertThat(NftablesState.blockers(RULESET, 50004, true)).extracting(Blocker::text)
                .contains("udp dport @blocked drop");
        assertThat(NftablesState.blockers(RULESET, 50006, true)).extracting(Blocker::text)
                .doesNotContain("udp dport @blocked drop");
    }

    @Test
    void anOutputChainDroppingTheSourcePortStopsTheReplies() {
        assertThat(NftablesState.blockers(RULESET, 50002, true)).filteredOn(b -> !b.inbound())
                .extracting(Blocker::text).containsExactly("udp sport 50002 drop");
    }

    @Test
    void tcpRulesAndPortsElsewhereAreNoBlockers() {
        assertThat(NftablesState.verdict("tcp dport 50000 drop", 50000, Map.of())).isEmpty();
        assertThat(NftablesState.verdict("udp dport 50001 drop", 50000, Map.of())).isEmpty();
        assertThat(NftablesState.verdict("udp dport != 50000 drop", 50000, Map.of())).isEmpty();
        assertThat(NftablesState.verdict("udp dport != 50001 drop", 50000, Map.of())).isPresent();
        assertThat(NftablesState.verdict("meta l4proto udp reject with icmpx type port-unreachable", 50000,
                Map.of())).hasValueSatisfying(v -> assertThat(v.certain()).isTrue());
    }

    @Test
    void chainsOfIptablesNftAreLeftToTheIptablesReaderWhenItWasRead() {
        String ruleset = StateSamples.read("nft-ruleset-iptables-nft.txt");

        assertThat(NftablesState.blockers(ruleset, 50000, true)).isEmpty();
        assertThat(NftablesState.blockers(ruleset, 50000, false)).extracting(Blocker::place)
                .containsExactly("table ip filter chain INPUT handle 2");
    }

    @Test
    void theLabsHostDropWithACounterAndACommentIsNamedWithItsTableChainHandleAndText() {
        List<Blocker> blockers = NftablesState.blockers(StateSamples.read("nft-lab-host-drop.txt"), 50000, true);

        assertThat(blockers).singleElement().satisfies(b -> {
            assertThat(b.effect()).isEqualTo(Blocker.Effect.DROP);
            assertThat(b.inbound()).isTrue();
            assertThat(b.certain()).isTrue();
            assertThat(b.describe(50000)).isEqualTo("nftables rule `udp dport 50000 counter drop comment \"kdnet lab:"
                    + " the host firewall drops the KDNET port\"` (table inet filter chain input handle 2) drops"
                    + " inbound UDP 50000");
        });
    }

    @Test
    void theLabsHostRejectWithACommentIsARejectForEveryTarget() {
        assertThat(NftablesState.blockers(StateSamples.read("nft-lab-host-reject.txt"), 50000, true))
                .singleElement().satisfies(b -> {
                    assertThat(b.effect()).isEqualTo(Blocker.Effect.REJECT);
                    assertThat(b.certain()).isTrue();
                    assertThat(b.place()).isEqualTo("table inet filter chain input handle 2");
                });
    }

    @Test
    void aCommentIsNoConditionWhateverItSays() {
        assertThat(NftablesState.verdict("udp dport 50000 accept comment \"drop udp dport 50000\"", 50000, Map.of()))
                .hasValueSatisfying(v -> assertThat(v.verdict()).isEqualTo(RuleVerdict.Verdict.ACCEPT));
        assertThat(NftablesState.verdict("udp dport 50000 reject with icmpx type port-unreachable comment \"x\"",
                50000, Map.of())).hasValueSatisfying(v -> {
                    assertThat(v.verdict()).isEqualTo(RuleVerdict.Verdict.REJECT);
                    assertThat(v.certain()).isTrue();
                });
    }

    @Test
    void anEmptyRulesetBlocksNothing() {
        assertThat(NftablesState.blockers(StateSamples.read("nft-empty.txt"), 50000, true)).isEmpty();
    }
}
