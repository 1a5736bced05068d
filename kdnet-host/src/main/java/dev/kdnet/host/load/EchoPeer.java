package dev.kdnet.host.load;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The far end of the raw UDP baseline, run as its own process: answers every datagram with one of a fixed size.
 * Prints {@link #READY} and its port when it listens; runs until killed.
 */
public final class EchoPeer {
    /** The line the peer prints once it listens, followed by its port. */
    public static final String READY = "echo peer listening on UDP ";
    private static final int LARGEST_DATAGRAM = 65_507;

    private EchoPeer() {
    }

    /** {@code EchoPeer ADDRESS REPLY_BYTES}: listens on ADDRESS (any port) and answers with REPLY_BYTES. */
    public static void main(String[] args) throws IOException {
        InetAddress address = InetAddress.getByName(args[0]);
        byte[] reply = new byte[Integer.parseInt(args[1])];
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0))) {
            System.out.println(READY + socket.getLocalPort());
            System.out.flush();
            DatagramPacket in = new DatagramPacket(new byte[LARGEST_DATAGRAM], LARGEST_DATAGRAM);
            while (true) {
                socket.receive(in);
                socket.send(new DatagramPacket(reply, reply.length, in.getSocketAddress()));
            }
        }
    }
}
