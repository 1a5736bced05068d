package dev.kdnet.host.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.firewall.Blocker;
import dev.kdnet.host.firewall.FirewallReport;
import dev.kdnet.protocol.args.PortRange;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.key.KdnetKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The doctor's lines and its one verdict, from tallies and firewall findings made up here. */
class DoctorReportTest {
    private static final PortRange PORT = PortRange.single(50000);
    private static final Duration TEN = Duration.ofSeconds(10);
    /** Stands in for the generator: says which format and ports it was asked for. */
    private static final FixRules FIX = new FixRules() {
        @Override
        public String command(String format, PortRange ports) {
            return "<" + format + " rules for " + ports + ">";
        }

        @Override
        public List<String> rules(Blocker blocker, PortRange ports) {
            return List.of("<the rules of " + blocker.place() + ">");
        }
    };
    private static final Blocker NFT_DROP = new Blocker("nftables", Blocker.Effect.DROP, true,
            "table inet filter chain input handle 3", "udp dport 50000 drop", "");
    private static final Blocker ESP_IN = new Blocker("xfrm", Blocker.Effect.REQUIRES_ESP, true,
            "dir in priority 1000", "src 10.213.2.0/24 dst 10.213.1.0/24 dir in priority 1000 tmpl proto esp",
            "the target is in 10.213.2.0/24");
    private static final Blocker ESP_OUT = new Blocker("xfrm", Blocker.Effect.REQUIRES_ESP, false,
            "dir out priority 1000", "src 10.213.1.0/24 dst 10.213.2.0/24 dir out priority 1000 tmpl proto esp",
            "the target is in 10.213.2.0/24");

    private final DatagramCrypto crypto = new DatagramCrypto();

    private SourceSeen seen(InetSocketAddress from, KdnetKey sealedWith, Optional<KdnetKey> checkedWith, int ttl,
            int count) {
        SourceSeen source = SourceSeen.of(from);
        for (int i = 0; i < count; i++) {
            source = source.plus(50000, DatagramLook.of(DatagramLookTest.poke(sealedWith, DatagramLookTest.HOST),
                    checkedWith, crypto), OptionalInt.of(ttl));
        }
        return source;
    }

    private static DoctorReport report(boolean keyGiven, List<SourceSeen> sources, Blocker... blockers) {
        return report(FIX, keyGiven, sources, blockers);
    }

    private static DoctorReport report(FixRules fixes, boolean keyGiven, List<SourceSeen> sources,
            Blocker... blockers) {
        Map<Blocker, List<Integer>> found = new java.util.LinkedHashMap<>();
        for (Blocker b : blockers) {
            found.put(b, List.of(50000));
        }
        return DoctorReport.of(new DoctorReport.Seen(PORT, List.of(), keyGiven, TEN, sources,
                Set.of(DatagramLookTest.HOST.getAddress())), new FirewallReport(found, List.of()), fixes);
    }

    @Test
    void aTargetWithTheRightKeyIsVerifiedWithItsHops() {
        KdnetKey key = DatagramLookTest.KEY;
        DoctorReport report = report(true, List.of(seen(DatagramLookTest.TARGET, key, Optional.of(key), 14, 3)));

        assertThat(report.targetVerified()).isTrue();
        assertThat(report.lines()).first().isEqualTo("from 10.213.2.2:50000 to UDP 50000: 3 datagrams, KDNET"
                + " version 4, HMAC verified (3 control datagrams), TTL 14: 2 hops away");
        assertThat(report.verdict()).isEqualTo("verdict: target 10.213.2.2 reaches UDP 50000 with this key (2 hops"
                + " away): a host listen on this port should attach");
    }

    @Test
    void fifteenHopsIsTheLastRouterTtlSixteenCrosses() {
        KdnetKey key = DatagramLookTest.KEY;
        DoctorReport report = report(true, List.of(seen(DatagramLookTest.TARGET, key, Optional.of(key), 1, 1)));

        assertThat(report.verdict()).isEqualTo("verdict: target 10.213.2.2 is 15 hops away: one more router and TTL"
                + " 16 will not reach");
        assertThat(report.targetVerified()).isTrue();
    }

    @Test
    void aWrongKeyIsAKeyMismatch() {
        DoctorReport report = report(true, List.of(seen(DatagramLookTest.TARGET, KdnetKey.parse("9.9.9.9"),
                Optional.of(DatagramLookTest.KEY), 16, 2)));

        assertThat(report.targetVerified()).isFalse();
        assertThat(report.verdict()).isEqualTo("verdict: datagrams arrive from 10.213.2.2 but none verifies with"
                + " this key: the key does not match");
    }

    @Test
    void nothingArrivingWithAnInboundDropNamesTheRuleAndItsFix() {
        DoctorReport report = report(true, List.of(), NFT_DROP);

        assertThat(report.verdict()).isEqualTo("verdict: nothing arrives on UDP 50000 and nftables rule `udp dport"
                + " 50000 drop` (table inet filter chain input handle 3) drops inbound UDP 50000; fix: <nftables"
                + " rules for 50000>");
        assertThat(report.targetVerified()).isFalse();
    }

    @Test
    void anInboundEspPolicySaysTheStubCannotSpeakEsp() {
        assertThat(report(true, List.of(), ESP_IN).verdict()).isEqualTo("verdict: nothing arrives on UDP 50000 and"
                + " xfrm policy `src 10.213.2.0/24 dst 10.213.1.0/24 dir in priority 1000 tmpl proto esp` (dir in"
                + " priority 1000) requires ESP for inbound UDP 50000 when the target is in 10.213.2.0/24 (the KDNET"
                + " stub cannot speak ESP): the target's datagrams cannot reach us; fix: <xfrm rules for 50000>");
    }

    @Test
    void anOutboundEspPolicyWithAVerifiedTargetSaysOurRepliesWillNotReachIt() {
        KdnetKey key = DatagramLookTest.KEY;
        String verdict = report(true, List.of(seen(DatagramLookTest.TARGET, key, Optional.of(key), 16, 1)), ESP_OUT)
                .verdict();

        assertThat(verdict).startsWith("verdict: target 10.213.2.2 reaches UDP 50000 with this key, but xfrm policy")
                .contains("(dir out priority 1000) requires ESP for outbound UDP 50000")
                .endsWith(": our replies will not reach it; fix: <xfrm rules for 50000>");
    }

    @Test
    void anOutboundEspPolicyWhoseBypassLetsThisTargetThroughIsNotItsProblem() {
        KdnetKey key = DatagramLookTest.KEY;
        Blocker bypassed = new Blocker("xfrm", Blocker.Effect.REQUIRES_ESP, false, "dir out priority 2000",
                "src 10.213.1.0/24 dst 10.213.2.0/24 dir out priority 2000 tmpl proto esp",
                "the target is in 10.213.2.0/24 but not 10.213.1.1/32 to 10.213.2.2/32",
                new Blocker.Targets("10.213.2.0/24", List.of("10.213.2.2/32")));

        DoctorReport report = report(true, List.of(seen(DatagramLookTest.TARGET, key, Optional.of(key), 16, 1)),
                bypassed);

        assertThat(report.verdict()).isEqualTo("verdict: target 10.213.2.2 reaches UDP 50000 with this key (0 hops"
                + " away): a host listen on this port should attach");
        assertThat(report.fix()).isEmpty();
    }

    @Test
    void espRequiredBothWaysSaysBothDirections() {
        DoctorReport report = report(true, List.of(), ESP_IN, ESP_OUT);

        assertThat(report.verdict()).isEqualTo("verdict: nothing arrives on UDP 50000 and xfrm policy `src"
                + " 10.213.2.0/24 dst 10.213.1.0/24 dir in priority 1000 tmpl proto esp` (dir in priority 1000)"
                + " requires ESP for inbound UDP 50000 when the target is in 10.213.2.0/24 (the KDNET stub cannot"
                + " speak ESP): the target's datagrams cannot reach us; and xfrm policy `src 10.213.1.0/24 dst"
                + " 10.213.2.0/24 dir out priority 1000 tmpl proto esp` (dir out priority 1000) requires ESP for"
                + " outbound UDP 50000 when the target is in 10.213.2.0/24: our replies cannot reach the target;"
                + " fix: <xfrm rules for 50000>");
    }

    @Test
    void theFixRulesFollowTheVerdictLine() {
        DoctorReport report = report(true, List.of(), NFT_DROP);

        assertThat(report.verdict()).endsWith("; fix: <nftables rules for 50000>");
        assertThat(report.fix()).containsExactly("  <the rules of table inet filter chain input handle 3>");
    }

    @Test
    void anNftablesDropIsFixedByTheGeneratedTableAndAnAcceptAtTheHeadOfItsChain() {
        Blocker drop = new Blocker("nftables", Blocker.Effect.DROP, true, "table ip fw chain in handle 7",
                "udp dport 50000 drop", "");

        assertThat(FixRules.generated().command("nftables", PORT)).isEqualTo("./kdnet rules --format nftables"
                + " --ports 50000 --apply");
        assertThat(FixRules.generated().rules(drop, PORT)).containsExactly(
                "# A table of KDNET's own, so that deleting it removes exactly these rules",
                "add table inet kdnet",
                "# Its input chain, ahead of the usual filter chains (priority -10), accepting what it does not name",
                "add chain inet kdnet input { type filter hook input priority -10; policy accept; }",
                "# Accept UDP port 50000 from any address",
                "add rule inet kdnet input udp dport 50000 accept comment \"kdnet\"",
                "# Accept UDP port 50000 from any address before anything else in ip fw in",
                "insert rule ip fw in udp dport 50000 accept comment \"kdnet\"");
    }

    @Test
    void anEspPolicyIsFixedByTheBypassOnBothEnds() {
        assertThat(FixRules.generated().command("xfrm", PORT)).isEqualTo("./kdnet rules --format xfrm --ports 50000"
                + " --apply (on both ends)");
        assertThat(FixRules.generated().rules(ESP_IN, PORT)).contains(
                "ip xfrm policy add src 0.0.0.0/0 dst 0.0.0.0/0 proto udp dport 50000 dir in priority 0 action allow",
                "# On the target's end (the machine or gateway that requires ESP for the target):");
    }

    @Test
    void nothingAndNoRuleLooksAtThePathAndTheTarget() {
        DoctorReport report = report(true, List.of());

        assertThat(report.lines()).containsExactly("no datagram on UDP 50000 in 10 s",
                "firewall: no nftables, iptables or xfrm rule on this machine stops UDP 50000");
        assertThat(report.verdict()).startsWith("verdict: nothing arrives on UDP 50000 in 10 s and no rule on this"
                + " machine stops it");
    }

    @Test
    void aLinkLocalSourceIsWarnedAbout() throws Exception {
        KdnetKey key = DatagramLookTest.KEY;
        InetSocketAddress apipa = new InetSocketAddress(InetAddress.getByName("169.254.7.9"), 50000);
        DoctorReport report = report(true, List.of(seen(apipa, key, Optional.of(key), 16, 1)));

        assertThat(report.lines()).anyMatch(l -> l.startsWith("warning: 169.254.7.9 is a link-local address"));
        assertThat(report.verdict()).contains("link-local address: it fell back to APIPA");
    }

    @Test
    void aPokeFromBehindANatIsANoteNotAnError() throws Exception {
        KdnetKey key = DatagramLookTest.KEY;
        InetSocketAddress translated = new InetSocketAddress(InetAddress.getByName("10.213.9.1"), 50000);
        DoctorReport report = report(true, List.of(seen(translated, key, Optional.of(key), 15, 1)));

        assertThat(report.lines()).contains("note: target 10.213.9.1 says it is 10.213.2.2:50000: a NAT on the way"
                + " (KDNET works through it: the target speaks first)");
        assertThat(report.targetVerified()).isTrue();
    }

    @Test
    void withoutAKeyTheHmacIsNotChecked() {
        DoctorReport report = report(false, List.of(seen(DatagramLookTest.TARGET, DatagramLookTest.KEY,
                Optional.empty(), 16, 1)));

        assertThat(report.lines().get(0)).contains("HMAC not checked (no key)");
        assertThat(report.targetVerified()).isFalse();
    }
}
