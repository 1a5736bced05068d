package dev.kdnet.it.lab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Three network namespaces for the target doctor's tests: a target ({@value #TARGET_IP}), a router between two
 * subnets, and a debugging host ({@value #HOST_IP}), linked by veth pairs. Names carry a random suffix so that
 * parallel or leftover runs never collide; closing deletes the namespaces, and with them their links and nftables
 * rules. Needs root and iproute2: {@link #create()} skips the calling test with a printed reason otherwise.
 */
final class TargetPathLab implements AutoCloseable {
    /** The target's address, on the router's first subnet. */
    static final String TARGET_IP = "10.213.1.2";
    /** The router's address on the target's subnet: the first hop. */
    static final String ROUTER_IP = "10.213.1.1";
    /** The router's address on the host's subnet. */
    static final String ROUTER_HOST_SIDE_IP = "10.213.2.1";
    /** The debugging host's address. */
    static final String HOST_IP = "10.213.2.2";
    /** Prefix of every namespace and link these tests create. */
    static final String PREFIX = "kdn-";

    private static final int COMMAND_SECONDS = 20;

    final String target;
    final String router;
    final String host;
    /** The host's end of its veth pair, inside {@link #host}. */
    final String hostLink;
    private final List<String> created = new ArrayList<>();

    private TargetPathLab(String suffix) {
        target = PREFIX + "t" + suffix;
        router = PREFIX + "r" + suffix;
        host = PREFIX + "h" + suffix;
        hostLink = PREFIX + "h" + suffix;
    }

    /** Builds the three namespaces with the target routed through the router to the host. */
    static TargetPathLab create() throws Exception {
        requireRoot();
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24), 36);
        TargetPathLab lab = new TargetPathLab(suffix);
        try {
            lab.build(suffix);
        } catch (Exception | AssertionError e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    private void build(String suffix) throws Exception {
        for (String namespace : List.of(target, router, host)) {
            run("ip", "netns", "add", namespace);
            created.add(namespace);
            run("ip", "-n", namespace, "link", "set", "lo", "up");
        }
        String targetLink = PREFIX + "t" + suffix;
        String routerToTarget = PREFIX + "rt" + suffix;
        String routerToHost = PREFIX + "rh" + suffix;
        run("ip", "link", "add", targetLink, "netns", target, "type", "veth", "peer", "name", routerToTarget,
                "netns", router);
        run("ip", "link", "add", hostLink, "netns", host, "type", "veth", "peer", "name", routerToHost, "netns",
                router);
        address(target, targetLink, TARGET_IP);
        address(router, routerToTarget, ROUTER_IP);
        address(router, routerToHost, ROUTER_HOST_SIDE_IP);
        address(host, hostLink, HOST_IP);
        run("ip", "-n", target, "route", "add", "default", "via", ROUTER_IP);
        run("ip", "-n", host, "route", "add", "default", "via", ROUTER_HOST_SIDE_IP);
        run("ip", "netns", "exec", router, "sysctl", "-qw", "net.ipv4.ip_forward=1");
    }

    private void address(String namespace, String link, String ip) throws Exception {
        run("ip", "-n", namespace, "addr", "add", ip + "/24", "dev", link);
        run("ip", "-n", namespace, "link", "set", link, "up");
    }

    /** Runs {@code command} inside {@code namespace}; fails the test with its output if it fails. */
    void exec(String namespace, String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    /** Starts {@code command} inside {@code namespace}, its output merged into {@code output}. */
    Process start(String namespace, Path output, List<String> command) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** The namespaces of this lab that still exist. */
    List<String> remaining() throws Exception {
        String list = output("ip", "netns", "list");
        return created.stream().filter(list::contains).toList();
    }

    /** Deletes every namespace this lab created (their links and rules go with them). */
    @Override
    public void close() throws Exception {
        for (String namespace : created) {
            new ProcessBuilder("ip", "netns", "del", namespace).redirectErrorStream(true).start()
                    .waitFor(COMMAND_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void run(String... command) throws Exception {
        output(command);
    }

    private static String output(String... command) throws Exception {
        Path log = Files.createTempFile("kdnet-lab-", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " still runs after " + COMMAND_SECONDS
                        + " s");
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue()
                        + "): " + text.strip());
            }
            return text;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void requireRoot() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean iproute = Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"))
                || Files.isExecutable(Path.of("/usr/bin/ip"));
        if (!root || !iproute) {
            System.out.println("SKIPPED: the namespace lab needs root and iproute2 (root=" + root + ", ip="
                    + iproute + "); CI runs as root");
        }
        assumeTrue(root && iproute, "needs root and iproute2 to build network namespaces");
    }

    /** Skips the calling test with a printed reason unless {@code tool} is installed. */
    static void requireTool(String tool, String why) {
        boolean present = Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/usr/bin",
                tool)) || Files.isExecutable(Path.of("/sbin", tool));
        if (!present) {
            System.out.println("SKIPPED: " + why + " needs " + tool + " (apt-get install -y " + tool + ")");
        }
        assumeTrue(present, why + " needs " + tool);
    }
}
