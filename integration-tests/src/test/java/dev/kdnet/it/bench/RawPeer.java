package dev.kdnet.it.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The server of the raw ping-pong, a process of its own: binds {@code address port}, connects to the first sender
 * and answers each of its requests as the request asks (see {@link RawExchange}); ignores ACKs. Blocking and
 * connected, the fastest plain Java UDP has. Args: {@code address port}.
 */
public final class RawPeer {
    private RawPeer() {
    }

    /** Serves until stdin ends. */
    public static void main(String[] args) throws Exception {
        Thread stdin = new Thread(RawPeer::exitAtEndOfInput, "stdin");
        stdin.setDaemon(true);
        stdin.start();
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(new InetSocketAddress(args[0], Integer.parseInt(args[1])));
            System.out.println(CommandLoop.ANSWER + CommandLoop.READY);
            System.out.flush();
            ByteBuffer in = ByteBuffer.allocateDirect(RawExchange.MAX_DATAGRAM);
            SocketAddress client = channel.receive(in);
            channel.connect(client);
            ByteBuffer[] replies = new ByteBuffer[RawExchange.MAX_DATAGRAM + 1];
            ByteBuffer ack = null;
            while (true) {
                in.flip();
                if (in.get(0) == RawExchange.REQUEST) {
                    int replySize = in.getInt(1);
                    if (in.get(9) == RawExchange.Pattern.KD.ordinal()) {
                        int ackSize = in.getInt(5);
                        if (ack == null || ack.capacity() != ackSize) {
                            ack = RawExchange.ack(ackSize);
                        }
                        channel.write(ack.clear());
                    }
                    if (replies[replySize] == null) {
                        replies[replySize] = ByteBuffer.allocateDirect(replySize);
                    }
                    channel.write(replies[replySize].clear());
                }
                in.clear();
                channel.read(in);
            }
        }
    }

    private static void exitAtEndOfInput() {
        try {
            while (System.in.read() >= 0) {
                continue;
            }
        } catch (IOException e) {
            System.err.println("stdin: " + e.getMessage());
        }
        System.exit(0);
    }
}
