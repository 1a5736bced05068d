package dev.kdnet.host.decode;

import dev.kdnet.protocol.capture.UdpExtractor;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.key.KdnetKey;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small captures for tests: raw-IPv4 frames (LINKTYPE_RAW) in a big-endian classic pcap file, one frame per
 * second.
 */
public final class SyntheticCapture {
    private static final int PROTOCOL_TCP = 6;
    private static final int PROTOCOL_UDP = 17;

    private static final int PORT = 50000;
    private static final int KDNET_VERSION = 4;
    private static final int NONCE_RANDOM = 30;
    private static final Inet4Address TARGET = ipv4("10.1.1.2");
    private static final Inet4Address HOST = ipv4("10.1.1.1");

    private final List<byte[]> frames = new ArrayList<>();

    /** Adds a UDP datagram 10.1.1.2:50000 → 10.1.1.1:50000 (TTL 16, DF, checksum 0) carrying {@code payload}. */
    public SyntheticCapture udp(byte[] payload) {
        byte[] udp = new byte[8 + payload.length];
        writeU16(udp, 0, 50000);
        writeU16(udp, 2, 50000);
        writeU16(udp, 4, udp.length);
        System.arraycopy(payload, 0, udp, 8, payload.length);
        frames.add(ipv4(PROTOCOL_UDP, udp));
        return this;
    }

    /** Adds a control poke from the target, sealed with {@code key}, as the target's {@code sequence}-th datagram. */
    public SyntheticCapture poke(KdnetKey key, int sequence) {
        Poke poke = Poke.of(Poke.nonce(sequence, new byte[NONCE_RANDOM]), Endpoint.of(TARGET, PORT),
                Endpoint.of(HOST, PORT), Endpoint.UNBOUND);
        return udp(new DatagramCrypto().seal(SessionKeys.of(key),
                Datagram.of(KDNET_VERSION, Channel.CONTROL, sequence, Direction.TARGET_TO_HOST, poke.encode())));
    }

    /** Adds an IPv4 frame that carries TCP, not UDP. */
    public SyntheticCapture tcp() {
        frames.add(ipv4(PROTOCOL_TCP, new byte[20]));
        return this;
    }

    /** The pcap file bytes. */
    public byte[] pcap() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0xA1B2C3D4);
            out.writeShort(2);
            out.writeShort(4);
            out.writeLong(0);
            out.writeInt(65535);
            out.writeInt(UdpExtractor.LINKTYPE_RAW);
            int second = 1_700_000_000;
            for (byte[] frame : frames) {
                out.writeInt(second++);
                out.writeInt(0);
                out.writeInt(frame.length);
                out.writeInt(frame.length);
                out.write(frame);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static byte[] ipv4(int protocol, byte[] transport) {
        byte[] packet = new byte[20 + transport.length];
        packet[0] = 0x45;
        writeU16(packet, 2, packet.length);
        packet[6] = 0x40;
        packet[8] = 16;
        packet[9] = (byte) protocol;
        System.arraycopy(new byte[] {10, 1, 1, 2, 10, 1, 1, 1}, 0, packet, 12, 8);
        System.arraycopy(transport, 0, packet, 20, transport.length);
        return packet;
    }

    private static Inet4Address ipv4(String address) {
        try {
            return (Inet4Address) InetAddress.getByName(address);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void writeU16(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 8);
        bytes[offset + 1] = (byte) value;
    }
}
