package dev.kdnet.sim.nic;

import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.netty.UdpSocketOptions;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What one {@link TargetAgent} needs: the bcdedit settings (key, host IPv4, port P), the local IPv4 it binds
 * (with the same port P: the target sends from P to hostip:P), the KDNET version byte, the poke interval and the
 * socket options. {@link #toString()} shows the key's fingerprint only.
 *
 * @param key           the KDNET key
 * @param hostIp        the configured host (bcdedit {@code hostip})
 * @param port          P, 1..65535 (bcdedit {@code port})
 * @param localIp       the target's own address
 * @param version       the version byte of every datagram the target sends, 0..255
 * @param pokeInterval  time between pokes (3 s on a real target; shorter only in tests)
 * @param socketOptions TTL, DF, SO_REUSEADDR and UDP checksum of the socket
 */
public record AgentConfig(KdnetKey key, Inet4Address hostIp, int port, Inet4Address localIp, int version,
        Duration pokeInterval, UdpSocketOptions socketOptions) {
    /** The version byte the simulated target sends by default: 4, as the Windows 10 target of capture C4. */
    public static final int DEFAULT_VERSION = 4;
    /** A real target pokes every 3 seconds (kdnet-wire §3.1). */
    public static final Duration DEFAULT_POKE_INTERVAL = Duration.ofSeconds(3);

    public AgentConfig {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(hostIp, "hostIp");
        Objects.requireNonNull(localIp, "localIp");
        Objects.requireNonNull(socketOptions, "socketOptions");
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
        if (version < 0 || version > 0xFF) {
            throw new IllegalArgumentException("version " + version + " does not fit in a byte");
        }
        if (pokeInterval.isNegative() || pokeInterval.isZero()) {
            throw new IllegalArgumentException("poke interval " + pokeInterval + " is not positive");
        }
    }

    /** A target as Windows runs it: version 4, pokes every 3 s, TTL 16, DF, SO_REUSEADDR, UDP checksum 0. */
    public static AgentConfig of(KdnetKey key, Inet4Address hostIp, int port, Inet4Address localIp) {
        return new AgentConfig(key, hostIp, port, localIp, DEFAULT_VERSION, DEFAULT_POKE_INTERVAL,
                UdpSocketOptions.target());
    }

    /** The same settings with another poke interval. */
    public AgentConfig withPokeInterval(Duration interval) {
        return new AgentConfig(key, hostIp, port, localIp, version, interval, socketOptions);
    }

    /** The same settings with another unicast TTL (a testing aid; Windows sends with 16). */
    public AgentConfig withTtl(int ttl) {
        return new AgentConfig(key, hostIp, port, localIp, version, pokeInterval,
                socketOptions.withTtl(ttl));
    }

    /**
     * The same settings with a UDP checksum of 0 ({@code true}, as Windows sends) or a computed one
     * ({@code false}).
     */
    public AgentConfig withZeroUdpChecksum(boolean zero) {
        return new AgentConfig(key, hostIp, port, localIp, version, pokeInterval,
                socketOptions.withZeroUdpChecksum(zero));
    }

    /** Where the agent binds: its own address and port P. */
    public InetSocketAddress localAddress() {
        return new InetSocketAddress(localIp, port);
    }

    /** Where pokes go: hostip:P. */
    public InetSocketAddress hostAddress() {
        return new InetSocketAddress(hostIp, port);
    }
}
