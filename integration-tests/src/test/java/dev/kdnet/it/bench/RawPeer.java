package dev.kdnet.it.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The server of the raw ping-pong, a process of its own: binds {@code address port}, connects to the first sender
 * and answers each of its datagrams as {@link RawAnswers} says. Blocking and connected, the fastest plain Java UDP
 * has. Args: {@code address port}.
 */
public final class RawPeer {
    private RawPeer() {
    }

    /** Serves until stdin ends. */
    public static void main(String[] args) throws Exception {
        exitAtEndOfInput();
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(new InetSocketAddress(args[0], Integer.parseInt(args[1])));
            CommandLoop.answer(CommandLoop.READY);
            ByteBuffer in = ByteBuffer.allocateDirect(RawExchange.MAX_DATAGRAM);
            SocketAddress client = channel.receive(in);
            channel.connect(client);
            RawAnswers answers = new RawAnswers();
            while (true) {
                for (ByteBuffer datagram : answers.answer(in.flip())) {
                    channel.write(datagram);
                }
                channel.read(in.clear());
            }
        }
    }

    /** Ends this process when stdin ends: a server's parent closes it to stop it. */
    static void exitAtEndOfInput() {
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    continue;
                }
            } catch (IOException e) {
                System.err.println("stdin: " + e.getMessage());
            }
            System.exit(0);
        }, "stdin");
        stdin.setDaemon(true);
        stdin.start();
    }
}
