package dev.kdnet.host.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.firewall.Blocker;
import dev.kdnet.host.firewall.FirewallReport;
import dev.kdnet.host.firewall.ToolOutput;
import dev.kdnet.protocol.args.PortRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SilenceDiagnosisTest {
    private static final Duration TEN = Duration.ofSeconds(10);
    private static final InetSocketAddress TARGET = new InetSocketAddress("10.0.0.5", 50000);

    private static List<String> explain(SourceTally... tallies) {
        return SilenceDiagnosis.explain(50000, TEN, List.of(tallies), Optional.empty()).lines();
    }

    @Test
    void nothingReceivedPointsAtTheFirewall() {
        assertThat(explain()).containsExactly(
                "no datagrams on UDP 50000 for 10 s: is inbound UDP 50000 allowed through the firewall?");
    }

    @Test
    void nothingReceivedFromAContactedTargetNamesIt() throws Exception {
        List<String> lines = SilenceDiagnosis.explain(50000, TEN, List.of(),
                Optional.of(InetAddress.getByName("10.0.0.5"))).lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("contacted 10.0.0.5:50000 without an answer");
    }

    @Test
    void headersThatAllFailTheHmacMeanAnotherKey() {
        assertThat(explain(new SourceTally(TARGET, 12, 12, 12, 0, 0, 0))).containsExactly(
                "12 datagrams from 10.0.0.5:50000 with valid MDBG headers, HMAC failed on all: "
                        + "the key does not match the target's");
    }

    @Test
    void datagramsWithoutHeaderAreNotKdnet() {
        assertThat(explain(new SourceTally(TARGET, 3, 0, 0, 0, 0, 0))).singleElement().asString()
                .contains("without an MDBG header");
    }

    @Test
    void answeredPokesWithoutDataPointAtTheWayBack() {
        assertThat(explain(new SourceTally(TARGET, 4, 4, 0, 4, 1, 0))).singleElement().asString()
                .contains("answered 1 of 4 pokes but no data followed");
    }

    @Test
    void ignoredPokesBelongToAnotherTarget() {
        assertThat(explain(new SourceTally(TARGET, 4, 4, 0, 4, 0, 0))).singleElement().asString()
                .contains("4 pokes ignored");
    }

    @Test
    void aLinkLocalTargetIsNamed() {
        SourceTally linkLocal = new SourceTally(new InetSocketAddress("169.254.3.7", 50000), 5, 5, 5, 0, 0, 0);
        assertThat(explain(linkLocal)).hasSize(2).last().asString()
                .startsWith("target 169.254.3.7 uses a link-local address");
    }

    @Test
    void theBusiestSenderComesFirst() {
        SourceTally quiet = new SourceTally(new InetSocketAddress("10.0.0.7", 50000), 1, 0, 0, 0, 0, 0);
        SourceTally busy = new SourceTally(TARGET, 9, 9, 9, 0, 0, 0);
        assertThat(explain(quiet, busy).get(0)).startsWith("9 datagrams from 10.0.0.5");
    }

    @Test
    void oneSilentPortIsSummarisedAsItsOwnDiagnosis() {
        SilenceDiagnosis one = SilenceDiagnosis.explain(50000, TEN, List.of(), Optional.empty());

        assertThat(SilenceDiagnosis.summarize(List.of(one))).isEqualTo("UDP 50000, nothing attached after 10 s: "
                + "no datagrams on UDP 50000 for 10 s: is inbound UDP 50000 allowed through the firewall?");
    }

    @Test
    void manySilentPortsAreCountedInOneLineAndTheFirstPortsThatHeardSomethingAreNamed() {
        List<SilenceDiagnosis> ports = new java.util.ArrayList<>();
        for (int port = 50000; port < 59991; port++) {
            List<SourceTally> tallies = port % 2000 == 1
                    ? List.of(new SourceTally(new InetSocketAddress("10.0.0.5", port), 12, 12, 12, 0, 0, 0))
                    : List.of();
            ports.add(SilenceDiagnosis.explain(port, TEN, tallies, Optional.empty()));
        }

        String line = SilenceDiagnosis.summarize(ports);

        assertThat(line).doesNotContain("\n").startsWith("nothing attached after 10 s: 9986 of 9991 ports heard"
                + " no datagram (is inbound UDP to them allowed through the firewall?); UDP 50001: 12 datagrams from"
                + " 10.0.0.5:50001 with valid MDBG headers, HMAC failed on all: the key does not match the target's;"
                + " UDP 52001: ").contains("; UDP 54001: ").endsWith("; 2 more ports heard datagrams");
    }

    private static final Blocker NFT_DROP = new Blocker("nftables", Blocker.Effect.DROP, true,
            "table inet filter chain input handle 3", "udp dport 50000 drop", "");
    private static final Blocker ESP_OUT = new Blocker("xfrm", Blocker.Effect.REQUIRES_ESP, false,
            "dir out priority 1000", "src 10.213.1.0/24 dst 10.213.2.0/24 dir out priority 1000 tmpl proto esp",
            "the target is in 10.213.2.0/24");

    private static FirewallReport found(Blocker... blockers) {
        Map<Blocker, List<Integer>> map = new LinkedHashMap<>();
        for (Blocker b : blockers) {
            map.put(b, List.of(50000));
        }
        return new FirewallReport(map, List.of());
    }

    @Test
    void silenceWithAnInboundDropNamesTheRuleInsteadOfAskingAboutTheFirewall() {
        SilenceDiagnosis diagnosis = SilenceDiagnosis.explain(50000, TEN, List.of(), Optional.empty())
                .withFirewall(found(NFT_DROP));

        assertThat(diagnosis.summary()).isEqualTo("UDP 50000, nothing attached after 10 s: no datagram on UDP 50000"
                + " in 10 s; nftables rule `udp dport 50000 drop` (table inet filter chain input handle 3) drops"
                + " inbound UDP 50000");
    }

    /** A tool's output recorded in a namespace (the firewall package's test samples). */
    private static String sample(String name) throws IOException {
        try (InputStream in = SilenceDiagnosisTest.class.getResourceAsStream("/dev/kdnet/host/firewall/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theLabsHostDropWithACounterAndACommentIsNamedInTheSilenceLine() throws IOException {
        String ruleset = sample("nft-lab-host-drop.txt");
        FirewallReport firewall = FirewallReport.inspect(PortRange.single(50000), command -> switch (command.get(0)) {
            case "nft" -> new ToolOutput(ruleset, "");
            case "iptables-save", "ip" -> new ToolOutput("", "");
            default -> throw new AssertionError(command);
        });
        SilenceDiagnosis diagnosis = SilenceDiagnosis.explain(50000, TEN, List.of(), Optional.empty())
                .withFirewall(firewall);

        assertThat(diagnosis.summary()).isEqualTo("UDP 50000, nothing attached after 10 s: no datagram on UDP 50000"
                + " in 10 s; nftables rule `udp dport 50000 counter drop comment \"kdnet lab: the host firewall drops"
                + " the KDNET port\"` (table inet filter chain input handle 2) drops inbound UDP 50000");
    }

    @Test
    void toolsThatCouldNotBeReadAreNamedWhenNothingCame() {
        SilenceDiagnosis diagnosis = SilenceDiagnosis.explain(50000, TEN, List.of(), Optional.empty())
                .withFirewall(new FirewallReport(Map.of(), List.of("nft not installed: not checked")));

        assertThat(diagnosis.lines()).containsExactly("no datagrams on UDP 50000 for 10 s: is inbound UDP 50000"
                + " allowed through the firewall? (nft not installed: not checked)");
    }

    @Test
    void answeredPokesWithoutDataNameThePolicyThatStopsOurReplies() {
        SilenceDiagnosis diagnosis = SilenceDiagnosis.explain(50000, TEN,
                List.of(new SourceTally(TARGET, 4, 4, 0, 4, 4, 0)), Optional.empty()).withFirewall(found(ESP_OUT));

        assertThat(diagnosis.lines()).last().isEqualTo("our replies do not get out: xfrm policy `src 10.213.1.0/24"
                + " dst 10.213.2.0/24 dir out priority 1000 tmpl proto esp` (dir out priority 1000) requires ESP for"
                + " outbound UDP 50000 when the target is in 10.213.2.0/24");
    }

    @Test
    void aDropOfInboundDatagramsThatArriveAnywayIsNotBlamed() {
        SourceTally connected = new SourceTally(TARGET, 4, 4, 0, 1, 1, 3);
        assertThat(SilenceDiagnosis.explain(50000, TEN, List.of(connected), Optional.empty())
                .withFirewall(found(NFT_DROP, ESP_OUT)).lines())
                .noneMatch(line -> line.contains("nftables") || line.contains("xfrm"));
    }
}
