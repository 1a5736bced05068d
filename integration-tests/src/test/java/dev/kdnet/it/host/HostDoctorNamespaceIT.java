package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The doctor in network namespaces (root): a host, one router and a target on their own subnets; the simulated
 * target's pokes cross the router, so the doctor reports 1 hop; with an nftables drop for the port on the host,
 * written as the lab writes it (a counter and a comment), the doctor names the rule and prints the accept that
 * fixes it. Every namespace is deleted afterwards, also on failure.
 */
class HostDoctorNamespaceIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int PORT = 50000;

    private final String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000), 16);
    private final String host = "kdn-h" + suffix;
    private final String router = "kdn-r" + suffix;
    private final String target = "kdn-t" + suffix;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void buildTheNamespaces() throws Exception {
        boolean root = "0".equals(run(List.of("id", "-u")).strip());
        if (!root) {
            System.out.println("HostDoctorNamespaceIT skipped: needs root (network namespaces)");
        }
        Assumptions.assumeTrue(root, "needs root: network namespaces");
        for (String ns : List.of(host, router, target)) {
            run(List.of("ip", "netns", "add", ns));
        }
        link(host, "10.213.1.1/24", router, "10.213.1.2/24", "a");
        link(router, "10.213.2.2/24", target, "10.213.2.1/24", "b");
        run(List.of("ip", "netns", "exec", router, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1"));
        run(List.of("ip", "netns", "exec", host, "ip", "route", "add", "10.213.2.0/24", "via", "10.213.1.2"));
        run(List.of("ip", "netns", "exec", target, "ip", "route", "add", "default", "via", "10.213.2.2"));
    }

    private void link(String left, String leftAddress, String right, String rightAddress, String name)
            throws Exception {
        String l = "kd" + name + "l" + suffix;
        String r = "kd" + name + "r" + suffix;
        run(List.of("ip", "link", "add", l, "netns", left, "type", "veth", "peer", "name", r, "netns", right));
        run(List.of("ip", "netns", "exec", left, "ip", "addr", "add", leftAddress, "dev", l));
        run(List.of("ip", "netns", "exec", right, "ip", "addr", "add", rightAddress, "dev", r));
        for (String[] end : new String[][] {{left, l}, {right, r}}) {
            run(List.of("ip", "netns", "exec", end[0], "ip", "link", "set", end[1], "up"));
            run(List.of("ip", "netns", "exec", end[0], "ip", "link", "set", "lo", "up"));
        }
    }

    @AfterEach
    void removeTheNamespaces() throws Exception {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        for (String ns : List.of(host, router, target)) {
            new ProcessBuilder("ip", "netns", "del", ns).start().waitFor();
        }
        String left = run(List.of("ip", "netns", "list"));
        assertThat(left).doesNotContain(suffix);
    }

    @Test
    void aTargetOneRouterAwayIsOneHopAway() throws Exception {
        startTarget();
        Doctor doctor = doctor();

        assertThat(doctor.exit).as(doctor.output).isZero();
        assertThat(doctor.output).contains("from 10.213.2.1:50000 to UDP 50000: ", "TTL 15: 1 hop away",
                "verdict: target 10.213.2.1 reaches UDP 50000 with this key (1 hop away)");
    }

    @Test
    void anNftablesDropOnTheHostIsNamedWithItsFix() throws Exception {
        run(List.of("ip", "netns", "exec", host, "nft", "add", "table", "inet", "filter"));
        run(List.of("ip", "netns", "exec", host, "nft", "add", "chain", "inet", "filter", "input",
                "{ type filter hook input priority 0; policy accept; }"));
        run(List.of("ip", "netns", "exec", host, "nft", "add", "rule", "inet", "filter", "input", "udp", "dport",
                "50000", "counter", "drop", "comment", "\"kdnet lab: the host firewall drops the KDNET port\""));
        startTarget();
        Doctor doctor = doctor();

        assertThat(doctor.exit).as(doctor.output).isEqualTo(1);
        assertThat(doctor.output).contains("verdict: nothing arrives on UDP 50000 and nftables rule `udp dport 50000"
                + " counter drop comment \"kdnet lab: the host firewall drops the KDNET port\"` (table inet filter"
                + " chain input handle 2) drops inbound UDP 50000; fix: ./kdnet rules --format nftables --ports 50000"
                + " --apply\n", "\n  insert rule inet filter input udp dport 50000 accept comment \"kdnet\"\n");
    }

    private void startTarget() throws Exception {
        Path log = Files.createTempFile("kdnet-doctor-target-", ".log");
        log.toFile().deleteOnExit();
        Process process = new ProcessBuilder("ip", "netns", "exec", target,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JarProcess.TARGET_JAR.toString(), "--hostip", "10.213.1.1", "--port", Integer.toString(PORT),
                "--key", "1.2.3.4", "--local-ip", "10.213.2.1").redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        started.add(process);
        await().atMost(LIMIT).until(() -> Files.readString(log).contains("poking"));
    }

    private record Doctor(int exit, String output) {
    }

    private Doctor doctor() throws Exception {
        Process process = new ProcessBuilder("ip", "netns", "exec", host,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JarProcess.HOST_JAR.toString(), "doctor", "--port", Integer.toString(PORT), "--key", "1.2.3.4",
                "--for", "4s").redirectErrorStream(true).start();
        started.add(process);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as(output).isTrue();
        return new Doctor(process.exitValue(), output);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
