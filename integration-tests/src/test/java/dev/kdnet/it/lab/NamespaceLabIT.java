package dev.kdnet.it.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.lab.RootCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's "what must show it works", each through {@code ./kdnet lab} in namespaces it builds and removes: TTL,
 * host firewalls and the generated rules that open them, IPsec and its bypass, NAT, key and address. Every test
 * ends by checking that the namespace the tests run in holds exactly what it held before: no lab namespace, link,
 * nftables or iptables rule or xfrm policy left. Needs root (CI is root); skipped with the reason otherwise.
 *
 * <p>Each lab waits for states, not time: a session that comes up ends its session round at once; {@link #SILENT} is
 * how long a session round that cannot come up waits, the least that shows the host's first diagnosis (5 s) and two
 * of the target's pokes (every 3 s). The doctors' round after it lasts the few seconds the lab gives them.
 */
class NamespaceLabIT {
    /** How long a lab whose session comes up may take; it ends as soon as the read is done. */
    private static final String UP = "30s";
    /** How long a lab whose session cannot come up waits in each of its two rounds. */
    private static final String SILENT = "6s";

    private RootNamespace before;

    @BeforeEach
    void rootAndAPictureOfWhatIsThere() throws Exception {
        boolean root = RootCheck.isRoot();
        if (!root) {
            System.out.println("NamespaceLabIT skipped: needs root (it builds network namespaces, firewall rules and"
                    + " IPsec policies)");
        }
        Assumptions.assumeTrue(root, "needs root: the lab builds network namespaces");
        before = RootNamespace.now();
    }

    @AfterEach
    void theLabLeftNothingBehind() throws Exception {
        if (before != null) {
            assertThat(RootNamespace.now()).as("namespaces, links, rules and policies after the lab")
                    .isEqualTo(before);
        }
    }

    private static void assertUp(LabRun run) {
        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.line("session up")).as(run.transcript())
                .contains("Connected to Windows 10 19041 x64 target on UDP 50000", "4d 5a 90 00").containsPattern(
                        "RTT \\d+\\.\\d+ ms");
    }

    private static void assertNoSession(LabRun run) {
        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
        assertThat(run.line("no session")).as(run.transcript()).isNotEmpty();
        assertThat(run.out()).as(run.transcript()).doesNotContain("session up");
    }

    @Test
    void fifteenRoutersAreTheMostTheTargetsTtlCrossesAndTheSessionComesUp() {
        LabRun run = LabRun.of("--routers", "15", "--for", UP);

        assertUp(run);
        assertThat(run.line("session up")).as(run.transcript()).endsWith("; hops: 15");
        assertThat(run.line("host doctor")).as(run.transcript()).contains("15 hops away");
    }

    @Test
    void atSixteenRoutersTheTargetHearsTimeExceededAndTheHostHearsNothing() {
        LabRun run = LabRun.of("--routers", "16", "--for", SILENT);

        assertNoSession(run);
        assertThat(run.line("target doctor")).as(run.transcript())
                .contains("ICMP time exceeded from router 10.213.1.1", "more than 15 routers away");
        assertThat(run.line("host doctor")).as(run.transcript()).contains("nothing arrives on UDP 50000");
        assertThat(run.line("no session")).as(run.transcript()).contains("hops: unknown");
    }

    @Test
    void anNftablesDropOnTheHostStopsTheSessionAndTheGeneratedRulesOpenIt() {
        LabRun blocked = LabRun.of("--firewall", "host:drop", "--for", SILENT);
        assertNoSession(blocked);
        assertThat(blocked.line("target doctor")).as(blocked.transcript()).contains("dropped silently");
        assertThat(blocked.line("host doctor")).as(blocked.transcript()).contains("nothing arrives on UDP 50000",
                "nftables rule", "udp dport 50000 counter", "drop",
                "kdnet lab: the host firewall drops the KDNET port");

        LabRun opened = LabRun.of("--firewall", "host:drop", "--apply-rules", "nftables", "--for", UP);
        assertUp(opened);
        assertThat(opened.line("host doctor")).as(opened.transcript()).contains("with this key",
                "a host listen on this port should attach");
    }

    @Test
    void anIptablesDropOnTheHostStopsTheSessionAndTheGeneratedRulesOpenIt() {
        LabRun blocked = LabRun.of("--firewall", "host:drop:iptables", "--for", SILENT);
        assertNoSession(blocked);
        assertThat(blocked.line("target doctor")).as(blocked.transcript()).contains("dropped silently");
        assertThat(blocked.line("host doctor")).as(blocked.transcript()).contains("nothing arrives on UDP 50000",
                "iptables rule", "--dport 50000", "-j DROP");

        LabRun opened = LabRun.of("--firewall", "host:drop:iptables", "--apply-rules", "iptables", "--for", UP);
        assertUp(opened);
        assertThat(opened.line("host doctor")).as(opened.transcript()).contains("with this key",
                "a host listen on this port should attach");
    }

    @Test
    void aRejectOnTheHostComesBackToTheTargetAsPortUnreachable() {
        LabRun run = LabRun.of("--firewall", "host:reject", "--for", SILENT);

        assertNoSession(run);
        assertThat(run.line("target doctor")).as(run.transcript())
                .contains("ICMP port unreachable from 10.213.0.1", "a firewall REJECTs it");
        assertThat(run.line("host doctor")).as(run.transcript()).contains("nftables rule", "reject");
    }

    @Test
    void policiesRequiringEspStopTheSessionAndTheHostNamesThePolicy() {
        LabRun run = LabRun.of("--routers", "1", "--ipsec", "require-esp", "--for", SILENT);

        assertNoSession(run);
        assertThat(run.line("target doctor")).as(run.transcript()).contains("dropped silently",
                "IPsec policy requiring ESP");
        assertThat(run.line("host doctor")).as(run.transcript()).contains("nothing arrives on UDP 50000",
                "xfrm policy", "dir in", "tmpl", "esp", "inbound");
        assertThat(run.err()).doesNotContain("ANSWER_REBOOTED");
    }

    @Test
    void theGeneratedBypassOnBothEndsLetsTheSessionThroughTheEspPolicies() {
        LabRun bypassed = LabRun.of("--routers", "1", "--ipsec", "require-esp", "--apply-rules", "xfrm", "--for", UP);
        assertUp(bypassed);
        assertThat(bypassed.line("host doctor")).as(bypassed.transcript()).contains("with this key",
                "a host listen on this port should attach").doesNotContain("our replies will not reach it");
    }

    @Test
    void aBypassOnOneEndOnlyIsNotEnoughAndTheDoctorsSayWhichDirection() {
        LabRun hostOnly = LabRun.of("--routers", "1", "--ipsec", "require-esp", "--apply-rules", "xfrm:host",
                "--for", SILENT);
        assertNoSession(hostOnly);
        assertThat(hostOnly.line("target doctor")).as(hostOnly.transcript()).containsAnyOf("dropped silently",
                "left this machine");
        assertThat(hostOnly.line("host doctor")).as(hostOnly.transcript()).contains("nothing arrives on UDP 50000",
                "but not 10.213.1.2/32 to 10.213.0.1/32 (let through by a bypass");
        assertThat(hostOnly.err()).doesNotContain("ANSWER_REBOOTED");

        LabRun targetOnly = LabRun.of("--routers", "1", "--ipsec", "require-esp", "--apply-rules", "xfrm:target",
                "--for", SILENT);
        assertNoSession(targetOnly);
        assertThat(targetOnly.line("host doctor")).as(targetOnly.transcript()).contains("nothing arrives",
                "xfrm policy", "dir in", "inbound", "the target's datagrams cannot reach us")
                .doesNotContain("let through by a bypass");
        assertThat(targetOnly.err()).doesNotContain("ANSWER_REBOOTED");
    }

    @Test
    void repliesBlockedByAnOutboundPolicyAreNotAReboot() {
        LabRun run = LabRun.of("--routers", "1", "--ipsec", "require-esp-out", "--for", SILENT);

        assertNoSession(run);
        assertThat(run.line("host doctor")).as(run.transcript()).contains("with this key", "xfrm policy",
                "dir out", "outbound", "our replies will not reach it");
        assertThat(run.err()).as(run.transcript()).contains("pokes again without having heard our answer")
                .doesNotContain("ANSWER_REBOOTED");
    }

    @Test
    void theSessionComesUpThroughNatBecauseTheTargetStartsIt() {
        LabRun run = LabRun.of("--routers", "1", "--nat", "--for", UP);

        assertUp(run);
        assertThat(run.line("host ")).contains("NAT: the host sees the target as 10.213.0.2");
        assertThat(run.err()).contains("handshake with 10.213.0.2:50000");
        assertThat(run.line("session up")).as(run.transcript()).endsWith("; hops: 1");
    }

    @Test
    void aWrongKeyIsNamedByTheHostWhichIgnoresThePokesItCannotAuthenticate() {
        LabRun run = LabRun.of("--wrong-key", "--for", SILENT);

        assertNoSession(run);
        assertThat(run.line("host doctor")).as(run.transcript()).contains("the key does not match");
        assertThat(run.line("no session")).as(run.transcript()).contains("HMAC failed on all",
                "the key does not match the target's");
        assertThat(run.line("target doctor")).as(run.transcript()).contains("no ICMP error");
    }

    @Test
    void aLinkLocalTargetIsWarnedAbout() {
        LabRun run = LabRun.of("--link-local", "--wrong-key", "--for", SILENT);

        assertNoSession(run);
        assertThat(run.err()).as(run.transcript()).contains("169.254.213.2 uses a link-local address",
                "warning: 169.254.213.2 is a link-local address");
    }
}
