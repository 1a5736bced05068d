package dev.kdnet.protocol.netty;

/**
 * IP options for a KDNET UDP socket.
 *
 * @param ttl          unicast IP TTL to send with, or 0 for the operating system's default
 * @param dontFragment set DF on every datagram (IP_PMTUDISC_DO)
 * @param reuseAddress SO_REUSEADDR, so a target can share a machine with a host bound to the wildcard address
 */
public record UdpSocketOptions(int ttl, boolean dontFragment, boolean reuseAddress) {
    /** The TTL a Windows KDNET target sends with (kdnet-wire §5, capture C4). */
    public static final int TARGET_TTL = 16;

    public UdpSocketOptions {
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("TTL " + ttl + " is outside 1..255 (0 = system default)");
        }
    }

    /** What a simulated target uses: TTL 16, DF, SO_REUSEADDR. */
    public static UdpSocketOptions target() {
        return new UdpSocketOptions(TARGET_TTL, true, true);
    }

    /**
     * What a debugger host uses: the system TTL (WinDbg's host sent 64), DF, and SO_REUSEADDR, which Linux needs on
     * both sockets before a simulated target can bind its own address with the port a wildcard-bound host holds
     * (the one-machine lab). The flag would also let a second host bind the same address and port without an error;
     * the host's server refuses such a port itself before binding (kdnet-host's {@code BoundUdpSockets}).
     */
    public static UdpSocketOptions host() {
        return new UdpSocketOptions(0, true, true);
    }
}
