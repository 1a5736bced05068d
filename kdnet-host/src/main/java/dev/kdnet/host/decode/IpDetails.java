package dev.kdnet.host.decode;

import dev.kdnet.protocol.AddressText;
import dev.kdnet.protocol.capture.CapturedUdp;

/**
 * The IPv4 and UDP facts of a captured datagram that a KDNET transcript shows.
 *
 * @param source       source address and port, {@code a.b.c.d:p}
 * @param destination  destination address and port
 * @param ttl          IP time to live
 * @param dontFragment the IP DF flag
 * @param udpChecksum  the UDP checksum field; 0 means the sender computed none
 */
public record IpDetails(String source, String destination, int ttl, boolean dontFragment, int udpChecksum) {
    /** The details of {@code udp}. */
    public static IpDetails of(CapturedUdp udp) {
        return new IpDetails(AddressText.of(udp.source()), AddressText.of(udp.destination()), udp.ttl(),
                udp.dontFragment(), udp.udpChecksum());
    }

    /** {@code zero} when the UDP checksum was not computed, else {@code set}. */
    public String udpChecksumState() {
        return udpChecksum == 0 ? "zero" : "set";
    }
}
