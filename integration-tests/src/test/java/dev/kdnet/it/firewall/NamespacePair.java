package dev.kdnet.it.firewall;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces made for one test, a debugging host ({@value #HOST_ADDRESS}) and a target
 * ({@value #TARGET_ADDRESS}) joined by a veth pair; closing deletes both, and with them every link, nftables and
 * iptables rule and xfrm policy made inside.
 */
final class NamespacePair implements AutoCloseable {
    /** The host's address in its namespace. */
    static final String HOST_ADDRESS = "10.213.7.1";
    /** The target's address in its namespace. */
    static final String TARGET_ADDRESS = "10.213.7.2";
    /** The subnet of both. */
    static final String SUBNET = "10.213.7.0/24";
    /** The first argument of {@link #rules} that runs it as user nobody. */
    static final String AS_NOBODY = "--as-nobody";
    private static final long COMMAND_SECONDS = 60;
    private static final int NOBODY = 65534;
    private static final Path HOST_JAR = Path.of("../kdnet-host/target/kdnet-host.jar");

    /** The host's namespace name. */
    final String host;
    /** The target's namespace name. */
    final String target;

    private NamespacePair(String suffix) {
        this.host = "kdn-h" + suffix;
        this.target = "kdn-t" + suffix;
    }

    /** Creates both namespaces with unique names, the link and the addresses. */
    static NamespacePair create() throws Exception {
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        NamespacePair pair = new NamespacePair(suffix);
        try {
            run("ip", "netns", "add", pair.host);
            run("ip", "netns", "add", pair.target);
            run("ip", "link", "add", "kdn-vh" + suffix, "netns", pair.host, "type", "veth", "peer", "name",
                    "kdn-vt" + suffix, "netns", pair.target);
            pair.in(pair.host, "ip", "addr", "add", HOST_ADDRESS + "/24", "dev", "kdn-vh" + suffix);
            pair.in(pair.target, "ip", "addr", "add", TARGET_ADDRESS + "/24", "dev", "kdn-vt" + suffix);
            for (String ns : List.of(pair.host, pair.target)) {
                pair.in(ns, "ip", "link", "set", "lo", "up");
            }
            pair.in(pair.host, "ip", "link", "set", "kdn-vh" + suffix, "up");
            pair.in(pair.target, "ip", "link", "set", "kdn-vt" + suffix, "up");
            return pair;
        } catch (Exception e) {
            pair.close();
            throw e;
        }
    }

    /** Runs {@code command} inside namespace {@code ns}; its stdout. */
    String in(String ns, String... command) throws Exception {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        argv.addAll(List.of(command));
        return run(argv.toArray(String[]::new));
    }

    /**
     * Sends a few datagrams from the target to the host's port and says whether the host received one: a receiver
     * bound in the host namespace (waited for until it says it is ready), then a bounded sender in the target's.
     */
    boolean datagramArrives(int port) throws Exception {
        Process receiver = new ProcessBuilder(java(host, "receive", HOST_ADDRESS, Integer.toString(port), "3000"))
                .redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = lines.readLine();
            if (!"ready".equals(ready)) {
                throw new IllegalStateException("the receiver did not start: " + ready);
            }
            run(java(target, "send", TARGET_ADDRESS, HOST_ADDRESS, Integer.toString(port), "5"));
            return "received".equals(lines.readLine());
        } finally {
            receiver.destroy();
            receiver.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * Runs {@code ./kdnet rules ARGS} from the built host jar inside namespace {@code ns}; a first argument
     * {@value #AS_NOBODY} runs it as user nobody instead of root.
     */
    Result rules(String ns, String... args) throws Exception {
        boolean nobody = args.length > 0 && args[0].equals(AS_NOBODY);
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        if (nobody) {
            argv.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        argv.addAll(List.of(javaBinary(), "-jar", HOST_JAR.toAbsolutePath().toString(), "rules"));
        argv.addAll(List.of(args).subList(nobody ? 1 : 0, args.length));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("./kdnet rules did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    /**
     * The exit code and the merged output of a run.
     *
     * @param exitCode the exit code
     * @param output   stdout and stderr
     */
    record Result(int exitCode, String output) {
    }

    @Override
    public void close() throws Exception {
        for (String ns : List.of(host, target)) {
            new ProcessBuilder("ip", "netns", "del", ns).redirectErrorStream(true).start()
                    .waitFor(COMMAND_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** True when user nobody can read the host jar (a checkout under /root, for one, it cannot). */
    static boolean nobodyCanRunTheJar() throws Exception {
        return new ProcessBuilder("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "test", "-r",
                HOST_JAR.toAbsolutePath().toString()).start().waitFor() == 0;
    }

    /** The namespaces of this machine, e.g. to check that none of ours is left. */
    static String namespaces() throws Exception {
        return run("ip", "netns", "list");
    }

    private static String[] java(String ns, String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns, javaBinary(), "-cp",
                Path.of("target", "test-classes").toString(), UdpProbe.class.getName()));
        argv.addAll(List.of(args));
        return argv.toArray(String[]::new);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code argv}; its stdout, or an exception with its output when it fails. */
    static String run(String... argv) throws Exception {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + output.strip());
        }
        return output;
    }
}
