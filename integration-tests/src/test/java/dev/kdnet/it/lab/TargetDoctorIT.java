package dev.kdnet.it.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./kdnet target --doctor} in namespaces (target, router, host): what it says for a good path, nothing
 * listening, an nftables REJECT, a silent DROP, a TTL that runs out at the router and a host network no route
 * leads to; and the simulator's UDP checksum on the wire (0 by default, computed with --udp-checksum). Every lab
 * is deleted after its test, also on failure, and each test checks that none of its namespaces remain.
 */
@Timeout(120)
class TargetDoctorIT {
    private static final Path TARGET_JAR = Path.of("../kdnet-target-sim/target/kdnet-target-sim.jar");
    private static final Path HOST_JAR = Path.of("../kdnet-host/target/kdnet-host.jar");
    private static final String KEY = "1m770ts6ru0p.3671pemyie4i.2b8djy3wt5et.1p99ir125v4q";
    private static final int PORT = 50000;
    /** Long enough for two pokes (one at once, one after 3 s). */
    private static final String SHORT_RUN = "4s";
    private static final Duration PROCESS_LIMIT = Duration.ofSeconds(60);
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** What one doctor run printed and returned. */
    private record DoctorRun(int exitCode, String verdict, String output) {
    }

    @Test
    void aListeningHostGivesPathOkAndExitZero() throws Exception {
        try (TargetPathLab lab = TargetPathLab.create()) {
            Path hostOutput = Files.createTempFile("kdnet-host-", ".out");
            Process host = lab.start(lab.host, hostOutput, List.of(JAVA, "-jar", HOST_JAR.toString(), "listen",
                    "--bind", TargetPathLab.HOST_IP, "--port", String.valueOf(PORT), "--key", KEY, "--wait", "60",
                    "-c", "vertarget; q"));
            try {
                awaitUdpListener(lab, host, hostOutput);

                DoctorRun run = doctor(lab, "--for", "30s");

                assertThat(run.verdict()).as(run.output()).isEqualTo("target doctor: path OK: the host "
                        + TargetPathLab.HOST_IP + ":" + PORT + " answered (handshake done) after 1 poke");
                assertThat(run.exitCode()).isZero();
            } finally {
                host.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                Files.deleteIfExists(hostOutput);
            }
            assertLabRemovedAfter(lab);
        }
    }

    @Test
    void nothingListeningGivesPortUnreachableFromTheHost() throws Exception {
        try (TargetPathLab lab = TargetPathLab.create()) {
            DoctorRun run = doctor(lab, "--for", SHORT_RUN);

            assertThat(run.verdict()).as(run.output()).matches("target doctor: no answer: 2 pokes sent, 2 ICMP port"
                    + " unreachable from 10\\.213\\.2\\.2: nothing listens on UDP 50000 there, or a firewall"
                    + " REJECTs it");
            assertThat(run.exitCode()).isEqualTo(1);
            assertLabRemovedAfter(lab);
        }
    }

    @Test
    void anNftablesRejectGivesPortUnreachableAndADropGivesSilence() throws Exception {
        TargetPathLab.requireTool("nft", "the firewall cases");
        try (TargetPathLab lab = TargetPathLab.create()) {
            lab.exec(lab.host, "nft", "add table inet kdntest; add chain inet kdntest input { type filter hook input"
                    + " priority 0; policy accept; }; add rule inet kdntest input udp dport " + PORT + " reject");

            DoctorRun rejected = doctor(lab, "--for", SHORT_RUN);

            lab.exec(lab.host, "nft", "flush chain inet kdntest input; add rule inet kdntest input udp dport " + PORT
                    + " drop");

            DoctorRun dropped = doctor(lab, "--for", SHORT_RUN);

            assertThat(rejected.verdict()).as(rejected.output()).startsWith("target doctor: no answer: 2 pokes"
                    + " sent, 2 ICMP port unreachable from 10.213.2.2: ");
            assertThat(dropped.verdict()).as(dropped.output()).isEqualTo("target doctor: no answer and no ICMP"
                    + " error: 2 pokes sent in 4 s were dropped silently (a DROP rule, an IPsec policy requiring ESP,"
                    + " or the host is not running)");
            assertThat(dropped.exitCode()).isEqualTo(1);
            assertLabRemovedAfter(lab);
        }
    }

    @Test
    void aTtlThatRunsOutAtTheRouterGivesTimeExceededNamingTheRouter() throws Exception {
        try (TargetPathLab lab = TargetPathLab.create()) {
            DoctorRun run = doctor(lab, "--for", SHORT_RUN, "--ttl", "1");

            assertThat(run.verdict()).as(run.output()).isEqualTo("target doctor: no answer: 2 pokes sent, 2 ICMP"
                    + " time exceeded from router " + TargetPathLab.ROUTER_IP + ": the host is more than 0 routers"
                    + " away (this target sends with TTL 1, --ttl)");
            assertLabRemovedAfter(lab);
        }
    }

    @Test
    void aHostOnANetworkTheRouterCannotReachGivesNetworkUnreachable() throws Exception {
        try (TargetPathLab lab = TargetPathLab.create()) {
            DoctorRun run = doctorTowards(lab, "10.213.9.9", "--for", SHORT_RUN);

            assertThat(run.verdict()).as(run.output()).isEqualTo("target doctor: no answer: 2 pokes sent, 2 ICMP"
                    + " network unreachable from router " + TargetPathLab.ROUTER_IP + ": no route to 10.213.9.9"
                    + " from there");
            assertLabRemovedAfter(lab);
        }
    }

    @Test
    void theChecksumOnTheWireIsZeroByDefaultAndComputedWithUdpChecksum() throws Exception {
        TargetPathLab.requireTool("tshark", "the on-the-wire checksum check");
        try (TargetPathLab lab = TargetPathLab.create()) {
            Path captured = Files.createTempFile("kdnet-tshark-", ".out");
            Process tshark = lab.start(lab.host, captured, List.of("tshark", "-l", "-n", "-i", lab.hostLink, "-f",
                    "udp and (port " + PORT + " or port " + (PORT + 1) + ")", "-T", "fields", "-E",
                    "separator=,", "-e", "udp.srcport", "-e", "udp.checksum"));
            try {
                awaitText(captured, "Capture started", tshark);

                doctorOnPort(lab, PORT, "--for", "1s");
                doctorOnPort(lab, PORT + 1, "--for", "1s", "--udp-checksum");

                new ProcessBuilder("kill", "-INT", String.valueOf(tshark.pid())).start().waitFor();
                tshark.waitFor(20, TimeUnit.SECONDS);
                List<Integer> zeroMode = checksums(captured, PORT);
                List<Integer> computedMode = checksums(captured, PORT + 1);
                String seen = Files.readString(captured);
                assertThat(zeroMode).as(seen).isNotEmpty().containsOnly(0);
                assertThat(computedMode).as(seen).isNotEmpty().doesNotContain(0);
            } finally {
                tshark.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                Files.deleteIfExists(captured);
            }
            assertLabRemovedAfter(lab);
        }
    }

    private static DoctorRun doctor(TargetPathLab lab, String... options) throws Exception {
        return doctorTowards(lab, TargetPathLab.HOST_IP, options);
    }

    private static DoctorRun doctorOnPort(TargetPathLab lab, int port, String... options) throws Exception {
        return run(lab, TargetPathLab.HOST_IP, port, options);
    }

    private static DoctorRun doctorTowards(TargetPathLab lab, String hostIp, String... options) throws Exception {
        return run(lab, hostIp, PORT, options);
    }

    private static DoctorRun run(TargetPathLab lab, String hostIp, int port, String... options) throws Exception {
        assertThat(TARGET_JAR).as("the shaded target jar (mvn verify packages it before the ITs)").exists();
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", TARGET_JAR.toString(), "--hostip", hostIp,
                "--port", String.valueOf(port), "--key", KEY, "--local-ip", TargetPathLab.TARGET_IP, "--doctor"));
        command.addAll(List.of(options));
        Path output = Files.createTempFile("kdnet-doctor-", ".out");
        try {
            Process process = lab.start(lab.target, output, command);
            if (!process.waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the doctor still runs after " + PROCESS_LIMIT + ": "
                        + Files.readString(output));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            String verdict = text.lines().filter(line -> line.startsWith("target doctor: ")).reduce((a, b) -> b)
                    .orElse("(no verdict line)");
            return new DoctorRun(process.exitValue(), verdict, text);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void awaitUdpListener(TargetPathLab lab, Process host, Path hostOutput) throws Exception {
        long deadline = System.nanoTime() + PROCESS_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(host.isAlive()).as(Files.readString(hostOutput)).isTrue();
            Path sockets = Files.createTempFile("kdnet-ss-", ".out");
            try {
                lab.start(lab.host, sockets, List.of("ss", "-Huln", "sport", "=", ":" + PORT)).waitFor();
                if (!Files.readString(sockets).isBlank()) {
                    return;
                }
            } finally {
                Files.deleteIfExists(sockets);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the host never bound UDP " + PORT + ": " + Files.readString(hostOutput));
    }

    private static void awaitText(Path file, String text, Process process) throws Exception {
        long deadline = System.nanoTime() + PROCESS_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(file).contains(text)) {
                return;
            }
            assertThat(process.isAlive()).as(Files.readString(file)).isTrue();
            Thread.sleep(100);
        }
        throw new IllegalStateException("no \"" + text + "\" in: " + Files.readString(file));
    }

    /** The UDP checksums tshark saw on datagrams from source port {@code port}. */
    private static List<Integer> checksums(Path captured, int port) throws Exception {
        return Files.readAllLines(captured).stream().map(line -> line.split(","))
                .filter(f -> f.length == 2 && f[0].equals(String.valueOf(port)))
                .map(f -> Integer.decode(f[1])).toList();
    }

    private static void assertLabRemovedAfter(TargetPathLab lab) throws Exception {
        lab.close();
        assertThat(lab.remaining()).as("namespaces left behind").isEmpty();
    }
}
