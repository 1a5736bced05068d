package dev.kdnet.it.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./kdnet rules --apply} and {@code --remove} for real, in two namespaces made per test: a drop on the
 * debugging host's port (nftables in another table, iptables DROP or REJECT) or ESP required between the two, the
 * generated rules applied, a real datagram from the target's namespace, and afterwards nothing of ours left. Needs
 * root and nft, iptables and ip (CI installs nftables and iptables); skips with the reason otherwise.
 */
class RulesApplyIT {
    private static final int PORT = 50000;
    private NamespacePair lab;

    @BeforeAll
    static void needsRootAndTheTools() {
        String reason = missing();
        if (reason != null) {
            System.out.println("RulesApplyIT skipped: " + reason);
        }
        Assumptions.assumeTrue(reason == null, reason);
    }

    private static String missing() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "needs root: it creates network namespaces and firewall rules";
        }
        for (List<String> probe : List.of(List.of("ip", "-V"), List.of("nft", "--version"),
                List.of("iptables", "--version"))) {
            try {
                NamespacePair.run(probe.toArray(String[]::new));
            } catch (Exception e) {
                return "needs " + probe.get(0) + " (apt-get install -y iproute2 nftables iptables)";
            }
        }
        return null;
    }

    @BeforeEach
    void createNamespaces() throws Exception {
        lab = NamespacePair.create();
    }

    @AfterEach
    void deleteNamespaces() throws Exception {
        lab.close();
        assertThat(NamespacePair.namespaces()).doesNotContain(lab.host).doesNotContain(lab.target);
    }

    @Test
    void nftablesAcceptBeatsADropInAnotherTableAndRemoveRestoresTheDrop() throws Exception {
        lab.in(lab.host, "nft", "add", "table", "inet", "filter");
        lab.in(lab.host, "nft add chain inet filter input { type filter hook input priority 0; policy accept; }"
                .split(" "));
        lab.in(lab.host, "nft", "add", "rule", "inet", "filter", "input", "udp", "dport", "50000", "drop");
        String before = lab.in(lab.host, "nft", "list", "ruleset");
        assertThat(lab.datagramArrives(PORT)).as("the drop is effective").isFalse();

        assertThat(lab.rules(lab.host, "--format", "nftables", "--apply").exitCode()).isZero();
        assertThat(lab.datagramArrives(PORT)).as("after --apply").isTrue();
        String applied = lab.in(lab.host, "nft", "list", "ruleset");
        assertThat(lab.rules(lab.host, "--format", "nftables", "--apply").exitCode()).isZero();
        assertThat(lab.in(lab.host, "nft", "list", "ruleset")).as("applying twice adds nothing twice")
                .isEqualTo(applied);

        assertThat(lab.rules(lab.host, "--format", "nftables", "--remove").exitCode()).isZero();
        assertThat(lab.in(lab.host, "nft", "list", "ruleset")).isEqualTo(before).doesNotContain("kdnet");
        assertThat(lab.datagramArrives(PORT)).as("the drop is effective again").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DROP", "REJECT"})
    void iptablesJumpAheadOfADropOrRejectAndRemoveRestoresIt(String verdict) throws Exception {
        lab.in(lab.host, "iptables", "-A", "INPUT", "-p", "udp", "--dport", "50000", "-j", verdict);
        String before = rules(lab.in(lab.host, "iptables-save", "-t", "filter"));
        assertThat(lab.datagramArrives(PORT)).as("the %s is effective", verdict).isFalse();

        assertThat(lab.rules(lab.host, "--format", "iptables", "--target", NamespacePair.SUBNET, "--apply")
                .exitCode()).isZero();
        assertThat(lab.datagramArrives(PORT)).as("after --apply").isTrue();
        String applied = rules(lab.in(lab.host, "iptables-save", "-t", "filter"));
        assertThat(lab.rules(lab.host, "--format", "iptables", "--target", NamespacePair.SUBNET, "--apply")
                .exitCode()).isZero();
        assertThat(rules(lab.in(lab.host, "iptables-save", "-t", "filter"))).as("applying twice adds nothing twice")
                .isEqualTo(applied);

        assertThat(lab.rules(lab.host, "--format", "iptables", "--remove").exitCode()).isZero();
        assertThat(rules(lab.in(lab.host, "iptables-save", "-t", "filter"))).isEqualTo(before)
                .doesNotContain("kdnet");
        assertThat(lab.datagramArrives(PORT)).as("the %s is effective again", verdict).isFalse();
    }

    @Test
    void xfrmBypassOnBothEndsLetsThePortThroughEspAndOneEndAloneDoesNot() throws Exception {
        for (String ns : List.of(lab.host, lab.target)) {
            for (String dir : List.of("in", "out")) {
                lab.in(ns, ("ip xfrm policy add src " + NamespacePair.SUBNET + " dst " + NamespacePair.SUBNET
                        + " dir " + dir + " priority 100 tmpl proto esp mode transport").split(" "));
            }
        }
        String before = lab.in(lab.host, "ip", "xfrm", "policy");
        assertThat(lab.datagramArrives(PORT)).as("ESP is required").isFalse();
        String[] scope = {"--format", "xfrm", "--ports", "50000-50001", "--target", NamespacePair.TARGET_ADDRESS,
            "--host", NamespacePair.HOST_ADDRESS};

        assertThat(lab.rules(lab.host, append(scope, "--side", "host", "--apply")).exitCode()).isZero();
        assertThat(lab.datagramArrives(PORT)).as("the host's end alone").isFalse();
        assertThat(lab.rules(lab.target, append(scope, "--side", "target", "--apply")).exitCode()).isZero();
        assertThat(lab.datagramArrives(PORT)).as("both ends").isTrue();
        assertThat(lab.rules(lab.host, append(scope, "--side", "host", "--remove")).exitCode()).isZero();
        assertThat(lab.datagramArrives(PORT)).as("the target's end alone").isFalse();

        assertThat(lab.in(lab.host, "ip", "xfrm", "policy")).isEqualTo(before).doesNotContain("action allow");
        assertThat(lab.rules(lab.target, append(scope, "--side", "target", "--remove")).exitCode()).isZero();
        assertThat(lab.in(lab.target, "ip", "xfrm", "policy")).doesNotContain("proto udp");
    }

    @Test
    void withoutRootApplyIsOneLineAndExitCode1() throws Exception {
        String reason = "user nobody cannot read the host jar in this checkout";
        boolean readable = NamespacePair.nobodyCanRunTheJar();
        if (!readable) {
            System.out.println("RulesApplyIT.withoutRootApplyIsOneLineAndExitCode1 skipped: " + reason);
        }
        Assumptions.assumeTrue(readable, reason);
        NamespacePair.Result run = lab.rules(lab.host, "--as-nobody", "--format", "nftables", "--apply");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output().lines()).containsExactly(
                "kdnet host: --apply and --remove change the firewall and need root; run it with sudo");
        assertThat(lab.in(lab.host, "nft", "list", "ruleset")).doesNotContain("kdnet");
    }

    /** The rules of an iptables-save listing, without its comment lines (they carry a date) and counters. */
    private static String rules(String save) {
        return save.lines().filter(line -> !line.startsWith("#")).map(line -> line.replaceAll("\\[\\d+:\\d+]", ""))
                .reduce("", (all, line) -> all + line + "\n");
    }

    private static String[] append(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
