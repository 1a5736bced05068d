package dev.kdnet.protocol.netty;

/**
 * IP options for a KDNET UDP socket.
 *
 * @param ttl             unicast IP TTL to send with, or 0 for the operating system's default
 * @param dontFragment    set DF on every datagram (IP_PMTUDISC_DO)
 * @param reuseAddress    SO_REUSEADDR, so a target can share a machine with a host bound to the wildcard address
 * @param zeroUdpChecksum send a UDP checksum of 0 (SO_NO_CHECK, "no checksum" in IPv4) instead of a computed one,
 *                        as a Windows KDNET target does
 */
public record UdpSocketOptions(int ttl, boolean dontFragment, boolean reuseAddress, boolean zeroUdpChecksum) {
    /** The TTL a Windows KDNET target sends with (kdnet-wire §5, capture C4). */
    public static final int TARGET_TTL = 16;

    public UdpSocketOptions {
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("TTL " + ttl + " is outside 1..255 (0 = system default)");
        }
    }

    /** Options with a computed UDP checksum, as every socket but a simulated target's sends. */
    public UdpSocketOptions(int ttl, boolean dontFragment, boolean reuseAddress) {
        this(ttl, dontFragment, reuseAddress, false);
    }

    /**
     * What a simulated target uses: TTL 16, DF, SO_REUSEADDR and a UDP checksum of 0 (every datagram of the real
     * target's capture has checksum 0).
     */
    public static UdpSocketOptions target() {
        return new UdpSocketOptions(TARGET_TTL, true, true, true);
    }

    /**
     * What a debugger host uses: the system TTL (WinDbg's host sent 64), DF, and SO_REUSEADDR, which Linux needs on
     * both sockets before a simulated target can bind its own address with the port a wildcard-bound host holds
     * (the one-machine lab). The flag would also let a second host bind the same address and port without an error;
     * the host's server refuses such a port itself before binding (kdnet-host's {@code BoundUdpSockets}). The UDP
     * checksum is computed.
     */
    public static UdpSocketOptions host() {
        return new UdpSocketOptions(0, true, true);
    }

    /** The same options with another unicast TTL. */
    public UdpSocketOptions withTtl(int newTtl) {
        return new UdpSocketOptions(newTtl, dontFragment, reuseAddress, zeroUdpChecksum);
    }

    /** The same options with a UDP checksum of 0 ({@code true}) or a computed one ({@code false}). */
    public UdpSocketOptions withZeroUdpChecksum(boolean zero) {
        return new UdpSocketOptions(ttl, dontFragment, reuseAddress, zero);
    }
}
