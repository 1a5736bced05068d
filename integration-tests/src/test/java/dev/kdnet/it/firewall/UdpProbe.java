package dev.kdnet.it.firewall;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A bounded UDP probe run as its own process inside a namespace ({@code ip netns exec NS java -cp ... UdpProbe}):
 * {@code receive ADDR PORT TIMEOUT_MS} prints {@code ready} once bound, then {@code received} for the first datagram
 * or {@code nothing} when the time is up; {@code send SRC DST PORT COUNT} sends COUNT datagrams from SRC:PORT to
 * DST:PORT, 50 ms apart, and prints {@code sent}.
 */
public final class UdpProbe {
    private static final long GAP_MILLIS = 50;

    private UdpProbe() {
    }

    /** Runs the probe named by {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("receive")) {
            receive(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else {
            send(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        }
    }

    private static void receive(String address, int port, int timeoutMillis) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), port))) {
            socket.setSoTimeout(timeoutMillis);
            System.out.println("ready");
            System.out.flush();
            try {
                socket.receive(new DatagramPacket(new byte[64], 64));
                System.out.println("received");
            } catch (SocketTimeoutException e) {
                System.out.println("nothing");
            }
        }
    }

    private static void send(String source, String destination, int port, int count) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(source), port))) {
            byte[] payload = "kdnet rules probe".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < count; i++) {
                socket.send(new DatagramPacket(payload, payload.length, InetAddress.getByName(destination), port));
                Thread.sleep(GAP_MILLIS);
            }
        }
        System.out.println("sent");
    }
}
