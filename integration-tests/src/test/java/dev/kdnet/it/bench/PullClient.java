package dev.kdnet.it.bench;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.MemoryRead;
import dev.kdnet.host.api.MemorySpace;
import dev.kdnet.host.api.Progress;
import dev.kdnet.host.session.HostConfig;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.netty.UdpTransport;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The debugger host of the benchmark, a process of its own: one {@link DebuggerHost} per port, each with its own
 * chunk size, attached to a {@link BenchTarget}. It is the benchmarks' only user of the host's API. Commands:
 * <ul>
 * <li>{@code pull PORT SECONDS}: reads physical memory, {@value #CHUNKS_PER_READ} chunks a call, for that long;
 *     answers {@code exchanges bytes nanos}</li>
 * <li>{@code dump PORT BYTES}: reads that many bytes from physical address 0 in one call; answers
 *     {@code nanos} and {@link KdLinkCounters#format} of the dump</li>
 * </ul>
 * Args: {@code key port:chunk...}.
 */
public final class PullClient {
    /** Chunks each read call asks for: long enough that the call's own cost does not count, short enough to stop. */
    static final int CHUNKS_PER_READ = 256;
    /** Reads start below this physical address (the simulator has 256 MiB). */
    private static final long PULL_SPAN = 128L << 20;
    private static final Duration ATTACH = Duration.ofSeconds(60);

    private final Debugger debugger;
    private final int chunk;

    private PullClient(Debugger debugger, int chunk) {
        this.debugger = debugger;
        this.chunk = chunk;
    }

    /** Attaches on every port, then serves commands until stdin ends. */
    public static void main(String[] args) throws Exception {
        KdnetKey key = KdnetKey.parse(args[0]);
        Map<Integer, PullClient> clients = new HashMap<>();
        List<DebuggerHost> hosts = new ArrayList<>();
        try (UdpTransport transport = UdpTransport.create(1)) {
            for (int i = 1; i < args.length; i++) {
                String[] portAndChunk = args[i].split(":");
                int port = Integer.parseInt(portAndChunk[0]);
                int chunk = Integer.parseInt(portAndChunk[1]);
                DebuggerHost host = DebuggerHost.start(transport, HostConfig.of(key, List.of(port))
                        .withBindAddress(InetAddress.getByName("127.0.0.1")),
                        DebuggerSettings.defaults().withChunkSize(chunk));
                hosts.add(host);
                clients.put(port, new PullClient(host.debugger(port), chunk));
            }
            for (PullClient client : clients.values()) {
                client.debugger.attach(ATTACH);
            }
            CommandLoop.serve(command -> {
                PullClient client = clients.get(Integer.parseInt(command[1]));
                return switch (command[0]) {
                    case "pull" -> client.pull(Double.parseDouble(command[2]));
                    case "dump" -> client.dump(Integer.parseInt(command[2]));
                    default -> "error: unknown command " + command[0];
                };
            });
            hosts.forEach(DebuggerHost::close);
        }
    }

    private String pull(double seconds) {
        int length = chunk * CHUNKS_PER_READ;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long bytes = 0;
        long now;
        do {
            if (!read(bytes % PULL_SPAN, length).complete()) {
                return "error: a read stopped short";
            }
            bytes += length;
            now = System.nanoTime();
        } while (now < end);
        return bytes / chunk + " " + bytes + " " + (now - start);
    }

    private String dump(int length) {
        KdLinkCounters before = counters();
        long start = System.nanoTime();
        boolean complete = read(0, length).complete();
        long nanos = System.nanoTime() - start;
        return complete ? nanos + " " + counters().since(before).format() : "error: the dump stopped short";
    }

    private MemoryRead read(long address, int length) {
        return debugger.read(MemorySpace.PHYSICAL, address, length, Progress.NONE);
    }

    private KdLinkCounters counters() {
        return KdLinkCounters.of(debugger.stats().link().orElseThrow());
    }
}
