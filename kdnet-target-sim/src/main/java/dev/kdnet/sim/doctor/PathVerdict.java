package dev.kdnet.sim.doctor;

import dev.kdnet.protocol.AddressText;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.netty.UdpSocketOptions;
import dev.kdnet.sim.nic.IcmpErrorKind;
import dev.kdnet.sim.nic.IcmpSummary;
import java.net.Inet4Address;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The target doctor's one-line answer and exit code, decided from a {@link PathObservation} alone.
 *
 * <p>The line's format is stable for scripts (the namespace lab reads it): {@value #PREFIX}, then one of
 * <ul>
 * <li>{@code path OK: the host H:P answered (handshake done) after N poke(s)}</li>
 * <li>{@code no answer: M poke(s) sent, K ICMP KIND from [router ]A[, B]: MEANING}, where KIND is an
 *     {@link IcmpErrorKind#description()} ({@code port unreachable}, {@code time exceeded}, ...)</li>
 * <li>{@code no answer: N datagram(s) came back from the path but were dropped (REASON): MEANING}</li>
 * <li>{@code no answer: none of the M poke(s) left this machine (SYSTEM'S REASON): MEANING}</li>
 * <li>{@code no answer and no ICMP error: M poke(s) sent in S s were dropped silently (MEANING)}</li>
 * </ul>
 *
 * @param sessionUp a session came up
 * @param line      the verdict line
 */
public record PathVerdict(boolean sessionUp, String line) {
    /** Start of every verdict line. */
    public static final String PREFIX = "target doctor: ";
    /** Exit code when a session came up. */
    public static final int EXIT_SESSION = 0;
    /** Exit code when none did. */
    public static final int EXIT_NO_SESSION = 1;

    public PathVerdict {
        Objects.requireNonNull(line, "line");
    }

    /** The verdict on {@code seen}: the strongest evidence first (a session, datagrams back, local refusal, ICMP). */
    public static PathVerdict of(PathObservation seen) {
        if (seen.handshakes() > 0) {
            return new PathVerdict(true, PREFIX + "path OK: the host " + AddressText.of(seen.host())
                    + " answered (handshake done) after " + pokes(seen.pokesSent()));
        }
        long dropped = seen.drops().values().stream().mapToLong(Long::longValue).sum();
        if (dropped > 0) {
            return noAnswer(datagramsDropped(seen, dropped));
        }
        if (seen.sendFailures() > 0 && seen.sendFailures() >= seen.pokesSent()) {
            return noAnswer("none of the " + pokes(seen.pokesSent()) + " left this machine ("
                    + seen.lastSendFailure().orElse("no reason given") + "): a firewall rule here refuses them,"
                    + " or there is no route to " + seen.host().getAddress().getHostAddress());
        }
        if (seen.icmp().total() > 0) {
            return noAnswer(icmp(seen));
        }
        return new PathVerdict(false, PREFIX + "no answer and no ICMP error: " + pokes(seen.pokesSent())
                + " sent in " + seen.elapsed().toSeconds() + " s " + (seen.pokesSent() == 1 ? "was" : "were")
                + " dropped silently (a DROP rule, an IPsec"
                + " policy requiring ESP, or the host is not running)");
    }

    /** {@link #EXIT_SESSION} when a session came up, {@link #EXIT_NO_SESSION} otherwise. */
    public int exitCode() {
        return sessionUp ? EXIT_SESSION : EXIT_NO_SESSION;
    }

    private static PathVerdict noAnswer(String what) {
        return new PathVerdict(false, PREFIX + "no answer: " + what);
    }

    private static String datagramsDropped(PathObservation seen, long dropped) {
        DropReason most = seen.drops().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String why = most == DropReason.HMAC_MISMATCH ? ": the host uses another key"
                : ": the host does not speak KDNET with this key as expected";
        return dropped + " datagram" + (dropped == 1 ? "" : "s") + " came back from the path but "
                + (dropped == 1 ? "was" : "were") + " dropped (" + most.description() + ")" + why;
    }

    private static String icmp(PathObservation seen) {
        IcmpSummary icmp = seen.icmp();
        IcmpErrorKind kind = Arrays.stream(IcmpErrorKind.values())
                .max(Comparator.comparingLong(icmp::count)
                        .thenComparing(Comparator.comparingInt(IcmpErrorKind::ordinal).reversed()))
                .orElseThrow();
        long count = icmp.count(kind);
        String head = pokes(seen.pokesSent()) + " sent, " + count + " ICMP " + kind.description();
        List<Inet4Address> reporters = icmp.reporters(kind);
        String from = reporters.isEmpty() ? "" : reporters.stream().map(Inet4Address::getHostAddress)
                .collect(Collectors.joining(", ", kind == IcmpErrorKind.TIME_EXCEEDED
                        || kind == IcmpErrorKind.NETWORK_UNREACHABLE ? " from router " : " from ", ""));
        int port = seen.host().getPort();
        String host = seen.host().getAddress().getHostAddress();
        String meaning = switch (kind) {
            case PORT_UNREACHABLE -> "nothing listens on UDP " + port + " there, or a firewall REJECTs it";
            case PROHIBITED -> "a firewall REJECTs UDP " + port + " as administratively prohibited";
            case TIME_EXCEEDED -> "the host is more than " + (seen.ttl() - 1) + " router"
                    + (seen.ttl() - 1 == 1 ? "" : "s") + " away ("
                    + (seen.ttl() == UdpSocketOptions.TARGET_TTL ? "KDNET sends with TTL " + seen.ttl()
                            : "this target sends with TTL " + seen.ttl() + ", --ttl") + ")";
            case NETWORK_UNREACHABLE -> "no route to " + host + " from there";
            case HOST_UNREACHABLE -> host + " does not answer on its own link (switched off, or a wrong address)";
            case FRAGMENTATION_NEEDED -> "a link on the way is narrower than the datagrams, which carry DF"
                    + icmp.nextHopMtu().stream().mapToObj(mtu -> " (next-hop MTU " + mtu + ")")
                            .findFirst().orElse("");
            case OTHER -> "the path refuses the datagrams";
        };
        return head + from + ": " + meaning;
    }

    private static String pokes(long count) {
        return count + " poke" + (count == 1 ? "" : "s");
    }
}
