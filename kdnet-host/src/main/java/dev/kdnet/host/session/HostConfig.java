package dev.kdnet.host.session;

import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdLinkConfig;
import dev.kdnet.protocol.link.KdRole;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link HostServer} listens on and how it talks to targets.
 *
 * @param key             the shared key (never printed; {@link #toString()} shows its fingerprint)
 * @param ports           the UDP ports to listen on, one target session per port
 * @param bindAddress     the local address to bind (0.0.0.0 for every interface)
 * @param knownTarget     a target to contact first (WinDbg's {@code target=}): the host sends it the empty control
 *                        datagram every {@code contactInterval} until it pokes
 * @param silenceWindow   how long a port may stay without an attached target before its session tells its listener
 *                        why (and logs it at DEBUG), and how often it does again; the command line sums up all
 *                        ports in one line of its own
 * @param contactInterval the period of the empty control datagram to {@code knownTarget}
 * @param linkConfig      the KD reliability settings of every session
 */
public record HostConfig(KdnetKey key, List<Integer> ports, InetAddress bindAddress,
        Optional<Inet4Address> knownTarget, Duration silenceWindow, Duration contactInterval,
        KdLinkConfig linkConfig) {
    /** How long a port may stay silent before the first diagnosis, by default. */
    public static final Duration DEFAULT_SILENCE_WINDOW = Duration.ofSeconds(10);
    /** The period of host-initiated contact, by default (about twice a second, as WinDbg). */
    public static final Duration DEFAULT_CONTACT_INTERVAL = Duration.ofMillis(500);

    /** Checks the fields: at least one port, every port in 1..65535 and listed once, positive durations. */
    public HostConfig {
        Objects.requireNonNull(key, "key");
        ports = List.copyOf(ports);
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(knownTarget, "knownTarget");
        Objects.requireNonNull(linkConfig, "linkConfig");
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("no port to listen on");
        }
        if (ports.stream().anyMatch(p -> p < 1 || p > 65535)) {
            throw new IllegalArgumentException("ports must be 1..65535: " + ports);
        }
        if (ports.stream().distinct().count() != ports.size()) {
            throw new IllegalArgumentException("a port is listed twice: " + ports);
        }
        if (silenceWindow.isNegative() || silenceWindow.isZero() || contactInterval.isNegative()
                || contactInterval.isZero()) {
            throw new IllegalArgumentException("silence window and contact interval must be positive");
        }
    }

    /** Listens on {@code ports} of every interface with the default windows and link settings. */
    public static HostConfig of(KdnetKey key, List<Integer> ports) {
        return new HostConfig(key, ports, anyAddress(), Optional.empty(), DEFAULT_SILENCE_WINDOW,
                DEFAULT_CONTACT_INTERVAL, KdLinkConfig.defaults(KdRole.HOST));
    }

    /** Listens on the ports {@code first..last} (inclusive). */
    public static HostConfig ofRange(KdnetKey key, int first, int last) {
        if (last < first) {
            throw new IllegalArgumentException("empty port range " + first + ".." + last);
        }
        return of(key, java.util.stream.IntStream.rangeClosed(first, last).boxed().toList());
    }

    /** The ports for people: {@code 50000}, {@code 50000-50039} for a run of ports, else the list. */
    public String portsText() {
        int first = ports.get(0);
        int last = ports.get(ports.size() - 1);
        if (ports.size() == 1) {
            return String.valueOf(first);
        }
        return last - first == ports.size() - 1 && ports.stream().sorted().toList().equals(ports)
                ? first + "-" + last : ports.toString();
    }

    /** The same, bound to {@code address}. */
    public HostConfig withBindAddress(InetAddress address) {
        return new HostConfig(key, ports, address, knownTarget, silenceWindow, contactInterval, linkConfig);
    }

    /** The same, contacting {@code target} first. */
    public HostConfig withKnownTarget(Inet4Address target) {
        return new HostConfig(key, ports, bindAddress, Optional.of(target), silenceWindow, contactInterval,
                linkConfig);
    }

    /** The same with another silence window (tests shorten it). */
    public HostConfig withSilenceWindow(Duration window) {
        return new HostConfig(key, ports, bindAddress, knownTarget, window, contactInterval, linkConfig);
    }

    /** The same with other KD link settings. */
    public HostConfig withLinkConfig(KdLinkConfig config) {
        return new HostConfig(key, ports, bindAddress, knownTarget, silenceWindow, contactInterval, config);
    }

    private static InetAddress anyAddress() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("0.0.0.0 is always an address", e);
        }
    }

    /** Shows the key's fingerprint only. */
    @Override
    public String toString() {
        return "HostConfig[key=" + key.fingerprint() + ", ports=" + portsText() + ", bind=" + bindAddress.getHostAddress()
                + ", target=" + knownTarget.map(InetAddress::getHostAddress).orElse("-") + "]";
    }
}
