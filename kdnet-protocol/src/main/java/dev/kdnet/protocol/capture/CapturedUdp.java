package dev.kdnet.protocol.capture;

import java.net.InetSocketAddress;

/**
 * An IPv4/UDP datagram found in a captured frame, with the IP details a KDNET transcript shows.
 *
 * @param frame          the frame it came from (number and time stamp)
 * @param source         IPv4 source address and UDP port
 * @param destination    IPv4 destination address and UDP port
 * @param ttl            IP time to live
 * @param dontFragment   the IP DF flag
 * @param ipId           the IP identification field
 * @param udpChecksum    the UDP checksum field (0 = not computed)
 * @param payload        the UDP payload
 */
public record CapturedUdp(CapturedFrame frame, InetSocketAddress source, InetSocketAddress destination, int ttl,
        boolean dontFragment, int ipId, int udpChecksum, byte[] payload) {
}
