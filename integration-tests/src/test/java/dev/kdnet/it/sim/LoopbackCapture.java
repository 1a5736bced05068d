package dev.kdnet.it.sim;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Watches UDP traffic of one port on the loopback interface with tshark, to check from outside what the sockets
 * really sent (TTL, DF, ports): tshark prints one line of fields per packet. Needs tshark and root:
 * without them the calling test is skipped with a printed reason; CI installs tshark and runs as root, so there it
 * always runs.
 */
final class LoopbackCapture implements AutoCloseable {
    /** One IPv4/UDP datagram as tshark decoded it. */
    record WireDatagram(InetSocketAddress source, InetSocketAddress destination, int ttl, boolean dontFragment) {
    }

    private final Process tshark;
    private final List<WireDatagram> seen = new CopyOnWriteArrayList<>();
    private Thread reader;

    private LoopbackCapture(Process tshark) {
        this.tshark = tshark;
    }

    /** Starts watching UDP port {@code port} on {@code lo}; returns once tshark says the capture started. */
    static LoopbackCapture start(int port) throws Exception {
        requireCaptureRights();
        Process process = new ProcessBuilder("tshark", "-l", "-n", "-i", "lo", "-f", "udp port " + port,
                "-T", "fields", "-E", "separator=,", "-e", "ip.src", "-e", "udp.srcport", "-e", "ip.dst",
                "-e", "udp.dstport", "-e", "ip.ttl", "-e", "ip.flags.df").redirectErrorStream(true).start();
        LoopbackCapture capture = new LoopbackCapture(process);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        capture.reader = new Thread(() -> capture.read(ready), "tshark-output");
        capture.reader.setDaemon(true);
        capture.reader.start();
        ready.get(20, TimeUnit.SECONDS);
        return capture;
    }

    private void read(CompletableFuture<Void> ready) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(tshark.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                String[] f = line.split(",");
                if (line.contains("Capture started")) {
                    ready.complete(null);
                } else if (f.length == 6 && f[4].matches("\\d+")) {
                    seen.add(new WireDatagram(new InetSocketAddress(f[0], Integer.parseInt(f[1])),
                            new InetSocketAddress(f[2], Integer.parseInt(f[3])), Integer.parseInt(f[4]),
                            f[5].equals("1") || f[5].equalsIgnoreCase("true")));
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    private static void requireCaptureRights() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean tshark = Files.isExecutable(Path.of("/usr/bin/tshark"));
        if (!root || !tshark) {
            System.out.println("SKIPPED: the on-the-wire check needs root and tshark (root=" + root + ", tshark="
                    + tshark + "); .ci/run installs tshark and CI runs as root");
        }
        assumeTrue(root && tshark, "needs root and tshark to capture on the loopback interface");
    }

    /**
     * Stops tshark with SIGINT, as Ctrl-C would, so it hands over every packet it buffered, and returns what it
     * saw.
     */
    List<WireDatagram> stop() throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(tshark.pid())).start().waitFor(5, TimeUnit.SECONDS);
        tshark.waitFor(10, TimeUnit.SECONDS);
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        tshark.destroyForcibly();
    }
}
