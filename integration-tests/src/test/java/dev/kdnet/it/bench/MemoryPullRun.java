package dev.kdnet.it.bench;

import dev.kdnet.protocol.key.KdnetKey;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The process-to-process measurements: a {@link BenchTarget} and a {@link PullClient} (one port per chunk size and
 * one for the dump), a {@link RawPeer} and a {@link RawClient}, all started once; then, per round and chunk size,
 * the raw ping-pong, the KD-pattern ping-pong and the memory pull back to back, after one warm-up round; then the
 * dump.
 */
final class MemoryPullRun {
    private static final String HOST = "127.0.0.1";
    private static final String TARGET = "127.0.0.2";
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration SLACK = Duration.ofSeconds(30);
    private static final Duration DUMP_LIMIT = Duration.ofMinutes(5);

    private final BenchSettings settings;
    private final Path out;

    MemoryPullRun(BenchSettings settings, Path out) {
        this.settings = settings;
        this.out = out;
    }

    /** The pull results, one per chunk size of {@code settings}, and the dump's. */
    record Results(List<PullResult> pulls, DumpResult dump) {
    }

    Results run() throws Exception {
        KdnetKey key = KdnetKey.generate();
        List<Integer> chunks = settings.chunks();
        int firstPort = freePorts(chunks.size() + 3);
        int dumpPort = firstPort + chunks.size();
        int rawPort = dumpPort + 1;
        int loopPort = rawPort + 1;
        List<String> targetArgs = new ArrayList<>(List.of(key.format(), HOST, TARGET));
        List<String> hostArgs = new ArrayList<>(List.of(key.format()));
        for (int i = 0; i <= chunks.size(); i++) {
            int chunk = i < chunks.size() ? chunks.get(i) : settings.dumpChunk();
            targetArgs.add(Integer.toString(firstPort + i));
            hostArgs.add((firstPort + i) + ":" + chunk);
        }
        Placement placement = settings.placement();
        try (ChildJvm target = ChildJvm.start("target", placement, Placement.Role.SERVER, out, START,
                     BenchTarget.class, targetArgs.toArray(String[]::new));
             ChildJvm host = ChildJvm.start("host", placement, Placement.Role.CLIENT, out, START, PullClient.class,
                     hostArgs.toArray(String[]::new));
             ChildJvm rawPeer = ChildJvm.start("raw-peer", placement, Placement.Role.SERVER, out, START,
                     RawPeer.class, TARGET, Integer.toString(rawPort));
             ChildJvm rawClient = ChildJvm.start("raw-client", placement, Placement.Role.CLIENT, out, START,
                     RawClient.class, TARGET, Integer.toString(rawPort));
             ChildJvm loopPeer = ChildJvm.start("loop-raw-peer", placement, Placement.Role.SERVER, out, START,
                     LoopRawPeer.class, TARGET, Integer.toString(loopPort));
             ChildJvm loopClient = ChildJvm.start("loop-raw-client", placement, Placement.Role.CLIENT, out, START,
                     LoopRawClient.class, TARGET, Integer.toString(loopPort))) {
            List<PullResult> pulls = new ArrayList<>();
            for (int chunk : chunks) {
                pulls.add(new PullResult(WireSizes.of(key, chunk)));
            }
            for (int round = 0; round <= settings.rounds(); round++) {
                for (int i = 0; i < chunks.size(); i++) {
                    PullResult pull = pulls.get(i);
                    Map<Measurement, Double> measured = new EnumMap<>(Measurement.class);
                    measured.put(Measurement.RAW, rate(rawClient, RawExchange.Pattern.PLAIN, pull.sizes()));
                    measured.put(Measurement.KD, rate(rawClient, RawExchange.Pattern.KD, pull.sizes()));
                    measured.put(Measurement.SEALED_KD, rate(rawClient, RawExchange.Pattern.SEALED_KD, pull.sizes()));
                    measured.put(Measurement.LOOP_KD, rate(loopClient, RawExchange.Pattern.KD, pull.sizes()));
                    measured.put(Measurement.LOOP_SEALED_KD,
                            rate(loopClient, RawExchange.Pattern.SEALED_KD, pull.sizes()));
                    measured.put(Measurement.PULL, rate(host.askNumbers("pull " + (firstPort + i) + " "
                            + settings.seconds(), limit())));
                    if (round > 0) {
                        pull.add(measured);
                    }
                }
            }
            KdLinkCounters targetBefore = KdLinkCounters.parse(target.ask("stats " + dumpPort, SLACK));
            long[] dump = host.askNumbers("dump " + dumpPort + " " + settings.dumpBytes(), DUMP_LIMIT);
            KdLinkCounters targetDuring = KdLinkCounters.parse(target.ask("stats " + dumpPort, SLACK))
                    .since(targetBefore);
            return new Results(pulls, new DumpResult(settings.dumpBytes(), settings.dumpChunk(), dump[0],
                    new KdLinkCounters(dump[1], dump[2], dump[3]), targetDuring));
        }
    }

    private double rate(ChildJvm client, RawExchange.Pattern pattern, WireSizes sizes) throws Exception {
        return rate(client.askNumbers(raw(pattern, sizes), limit()));
    }

    private String raw(RawExchange.Pattern pattern, WireSizes sizes) {
        WireSizes.Exchange exchange = pattern.sealed() ? sizes.bodies() : sizes.sealed();
        return pattern + " " + exchange.request() + " " + exchange.reply() + " " + exchange.ack() + " "
                + settings.seconds();
    }

    private Duration limit() {
        return SLACK.plusMillis((long) (settings.seconds() * 1000));
    }

    /** Exchanges/s from an answer that starts {@code exchanges ... nanos}. */
    private static double rate(long[] answer) {
        return answer[0] / (answer[answer.length - 1] / 1e9);
    }

    /** The first of {@code count} consecutive UDP ports free on both loopback addresses now. */
    private static int freePorts(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(HOST, 0))) {
                first = probe.getLocalPort();
            }
            if (first + count <= 65536 && free(first, count)) {
                return first;
            }
        }
        throw new IOException("no " + count + " consecutive UDP ports free on " + HOST + " and " + TARGET);
    }

    private static boolean free(int first, int count) {
        List<DatagramSocket> probes = new ArrayList<>();
        try {
            for (int port = first; port < first + count; port++) {
                for (String address : List.of(HOST, TARGET)) {
                    probes.add(new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), port)));
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            probes.forEach(DatagramSocket::close);
        }
    }
}
