package dev.kdnet.it.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The client of the raw ping-pong, a process of its own, connected to a {@link RawPeer}: blocking, one exchange at a
 * time. Command {@code PATTERN requestSize replySize ackSize seconds} (see {@link RawRequests}): exchanges in that
 * pattern for that long; answers {@code exchanges nanos}. Args: {@code peerAddress peerPort}.
 */
public final class RawClient {
    private RawClient() {
    }

    /** Serves commands until stdin ends. */
    public static void main(String[] args) throws Exception {
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
            channel.connect(new InetSocketAddress(args[0], Integer.parseInt(args[1])));
            ByteBuffer in = ByteBuffer.allocateDirect(RawExchange.MAX_DATAGRAM);
            CommandLoop.serve(command -> {
                try {
                    return exchange(channel, in, new RawRequests(command));
                } catch (IOException | RuntimeException e) {
                    return "error: " + e;
                }
            });
        }
    }

    private static String exchange(DatagramChannel channel, ByteBuffer in, RawRequests requests)
            throws IOException {
        long start = System.nanoTime();
        long end = start + requests.nanos();
        long exchanges = 0;
        long now;
        do {
            channel.write(requests.request());
            for (int i = 0; i < requests.answersPerRequest(); i++) {
                channel.read(in.clear());
                requests.check(in.flip());
            }
            if (requests.acked()) {
                channel.write(requests.ack());
            }
            exchanges++;
            now = System.nanoTime();
        } while (now < end);
        return exchanges + " " + (now - start);
    }
}
