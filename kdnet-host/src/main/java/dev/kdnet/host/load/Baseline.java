package dev.kdnet.host.load;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * The raw UDP ping-pong the load is compared with: datagrams of a KDNET request's size to an {@link EchoPeer} in
 * another process, answered with datagrams of the reply's size, one at a time, for a while. What a stop-and-wait
 * transport could at best do on this machine.
 *
 * @param requestBytes  bytes of each request datagram
 * @param replyBytes    bytes of each reply datagram
 * @param payloadBytes  memory payload one KDNET request of the run moves, for the law {@code payload / RTT}
 * @param roundTrips    round trips completed
 * @param lost          requests whose reply did not come within {@link #REPLY_WAIT}
 * @param seconds       how long it ran
 * @param rtt           round-trip times, ns
 */
public record Baseline(int requestBytes, int replyBytes, int payloadBytes, long roundTrips, long lost,
        double seconds, Histogram rtt) {
    /** How long a request waits for its reply before it counts lost. */
    public static final Duration REPLY_WAIT = Duration.ofSeconds(1);
    private static final double NANOS_PER_SECOND = 1e9;

    /** Round trips per second. */
    public double roundTripsPerSecond() {
        return seconds > 0 ? roundTrips / seconds : 0;
    }

    /** {@code payload / RTT} at the median round trip, in 10^6 bytes/s: what one stop-and-wait target could move. */
    public double lawMegabytesPerSecond() {
        return rtt.getTotalCount() == 0 ? 0 : payloadBytes / (rtt.getValueAtPercentile(50) / NANOS_PER_SECOND)
                / Figures.BYTES_PER_MEGABYTE;
    }

    /** Runs the ping-pong with {@code peer} for {@code duration}. */
    public static Baseline measure(InetSocketAddress local, InetSocketAddress peer, int requestBytes,
            int replyBytes, int payloadBytes, Duration duration) throws IOException {
        Histogram rtt = LatencyHistograms.empty();
        long lost = 0;
        byte[] request = new byte[requestBytes];
        DatagramPacket reply = new DatagramPacket(new byte[replyBytes], replyBytes);
        try (DatagramSocket socket = new DatagramSocket(local)) {
            socket.connect(peer);
            socket.setSoTimeout((int) REPLY_WAIT.toMillis());
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long now = start;
            while (now < end) {
                long sent = System.nanoTime();
                socket.send(new DatagramPacket(request, requestBytes));
                try {
                    socket.receive(reply);
                    now = System.nanoTime();
                    rtt.recordValue(LatencyHistograms.clamp(now - sent));
                } catch (SocketTimeoutException silent) {
                    lost++;
                    now = System.nanoTime();
                }
            }
            return new Baseline(requestBytes, replyBytes, payloadBytes, rtt.getTotalCount(), lost,
                    (now - start) / NANOS_PER_SECOND, rtt);
        }
    }
}
