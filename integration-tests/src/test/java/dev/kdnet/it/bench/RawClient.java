package dev.kdnet.it.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The client of the raw ping-pong, a process of its own, connected to a {@link RawPeer}. Command
 * {@code PATTERN requestSize replySize ackSize seconds}: exchanges in that pattern for that long, one at a time;
 * answers {@code exchanges nanos}. Args: {@code peerAddress peerPort}.
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
                RawExchange.Pattern pattern = RawExchange.Pattern.valueOf(command[0]);
                int replySize = Integer.parseInt(command[2]);
                int ackSize = Integer.parseInt(command[3]);
                ByteBuffer request = RawExchange.request(Integer.parseInt(command[1]), replySize, ackSize, pattern);
                ByteBuffer ack = RawExchange.ack(ackSize);
                long nanos = (long) (Double.parseDouble(command[4]) * 1e9);
                try {
                    long start = System.nanoTime();
                    long end = start + nanos;
                    long exchanges = 0;
                    long now;
                    do {
                        channel.write(request.clear());
                        if (pattern == RawExchange.Pattern.KD) {
                            channel.read(in.clear());
                        }
                        channel.read(in.clear());
                        if (pattern == RawExchange.Pattern.KD) {
                            channel.write(ack.clear());
                        }
                        exchanges++;
                        now = System.nanoTime();
                    } while (now < end);
                    return exchanges + " " + (now - start);
                } catch (Exception e) {
                    return "error: " + e;
                }
            });
        }
    }
}
