package dev.kdnet.host.session;

import dev.kdnet.host.firewall.Blocker;
import dev.kdnet.host.firewall.FirewallReport;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Why no target attached to a port: a pure function of what the port saw ({@link SourceTally} per sender), so the
 * command line can print it and tests can check every case without sockets.
 *
 * @param port         the UDP port
 * @param waited       how long the port has waited
 * @param nothingHeard true if not one datagram came to the port
 * @param unanswered   true if a sender's pokes were answered but no data followed: our replies did not reach it
 * @param lines        one sentence per finding, most telling first
 */
public record SilenceDiagnosis(int port, Duration waited, boolean nothingHeard, boolean unanswered,
        List<String> lines) {
    /** How many ports that heard something {@link #summarize} names before it only counts the rest. */
    static final int PORTS_NAMED = 3;

    /** Copies the lines. */
    public SilenceDiagnosis {
        lines = List.copyOf(lines);
    }

    /**
     * Explains the silence of {@code port} after {@code waited} from the senders' tallies.
     *
     * @param contactTarget the target the host contacts first, if any (named when nothing came back)
     */
    public static SilenceDiagnosis explain(int port, Duration waited, List<SourceTally> tallies,
            Optional<InetAddress> contactTarget) {
        List<String> lines = new ArrayList<>();
        boolean nothingHeard = tallies.stream().allMatch(t -> t.datagrams() == 0);
        if (nothingHeard) {
            lines.add("no datagrams on UDP " + port + " for " + waited.toSeconds() + " s: is inbound UDP " + port
                    + " allowed through the firewall?");
            contactTarget.ifPresent(t -> lines.add("contacted " + t.getHostAddress() + ":" + port
                    + " without an answer: is the target up, with port=" + port + " and this key?"));
        }
        tallies.stream().filter(t -> t.datagrams() > 0)
                .sorted(Comparator.comparingLong(SourceTally::datagrams).reversed())
                .forEach(t -> explainSource(t, lines));
        boolean unanswered = tallies.stream().anyMatch(t -> t.answered() > 0 && t.data() == 0);
        return new SilenceDiagnosis(port, waited, nothingHeard, unanswered, lines);
    }

    /**
     * This diagnosis with what this machine's firewall and IPsec state does to the port: when nothing came, the
     * inbound rule or policy that stops it replaces the question about the firewall ("no datagram on UDP 50000 in
     * 10 s; nftables rule `udp dport 50000 drop` (table inet filter chain input handle 3) drops inbound UDP
     * 50000"), or the tools that could not be read are named; when pokes were answered without data, the outbound
     * ones that stop the replies follow.
     */
    public SilenceDiagnosis withFirewall(FirewallReport firewall) {
        List<Blocker> blocking = firewall.blocking(port);
        List<String> inbound = blocking.stream().filter(Blocker::inbound).map(b -> b.describe(port)).toList();
        List<String> outbound = blocking.stream().filter(b -> !b.inbound()).map(b -> b.describe(port)).toList();
        List<String> more = new ArrayList<>(lines);
        if (nothingHeard && !inbound.isEmpty()) {
            more.set(0, "no datagram on UDP " + port + " in " + waited.toSeconds() + " s; " + inbound.get(0));
            more.addAll(1, inbound.subList(1, inbound.size()));
        } else if (nothingHeard && !firewall.notes().isEmpty()) {
            more.set(0, more.get(0) + " (" + String.join(", ", firewall.notes()) + ")");
        }
        if (unanswered && !outbound.isEmpty()) {
            more.add("our replies do not get out: " + String.join("; ", outbound));
        }
        return new SilenceDiagnosis(port, waited, nothingHeard, unanswered, more);
    }

    private static void explainSource(SourceTally t, List<String> lines) {
        String from = t.datagrams() + " datagrams from " + t.source().getAddress().getHostAddress() + ":"
                + t.source().getPort();
        if (t.withHeader() == 0) {
            lines.add(from + " without an MDBG header: not a KDNET target (another program sends to this port?)");
        } else if (t.hmacFailed() == t.withHeader()) {
            lines.add(from + " with valid MDBG headers, HMAC failed on all: the key does not match the target's");
        } else if (t.answered() > 0 && t.data() == 0) {
            lines.add(from + ": answered " + t.answered() + " of " + t.pokes()
                    + " pokes but no data followed: does the target receive UDP from this host (outbound firewall,"
                    + " NAT, or a hostip that is not this machine)?");
        } else if (t.pokes() > 0 && t.answered() == 0) {
            lines.add(from + ": " + t.pokes() + " pokes ignored: this port's session belongs to another target");
        } else if (t.data() > 0) {
            lines.add(from + ": connected, " + t.data() + " data datagrams, but the target has not stopped yet");
        }
        if (t.source().getAddress().isLinkLocalAddress()) {
            lines.add("target " + t.source().getAddress().getHostAddress()
                    + " uses a link-local address: it got no DHCP lease and may be unreachable from other subnets");
        }
    }

    /**
     * One line for all the ports of {@code diagnoses} where nothing attached: one port's {@link #summary()}; for
     * several, how many heard nothing, then the findings of the first {@value #PORTS_NAMED} ports that heard
     * something, then how many more did.
     */
    public static String summarize(List<SilenceDiagnosis> diagnoses) {
        if (diagnoses.size() == 1) {
            return diagnoses.get(0).summary();
        }
        List<SilenceDiagnosis> heard = diagnoses.stream().filter(d -> !d.nothingHeard()).toList();
        long silent = diagnoses.size() - heard.size();
        long waited = diagnoses.stream().map(SilenceDiagnosis::waited).max(Comparator.naturalOrder())
                .orElse(Duration.ZERO).toSeconds();
        List<String> parts = new ArrayList<>();
        if (silent > 0) {
            parts.add(silent + " of " + diagnoses.size() + " ports heard no datagram (is inbound UDP to them allowed"
                    + " through the firewall?)");
        }
        heard.stream().limit(PORTS_NAMED).forEach(d -> parts.add("UDP " + d.port() + ": "
                + String.join("; ", d.lines())));
        if (heard.size() > PORTS_NAMED) {
            parts.add((heard.size() - PORTS_NAMED) + " more ports heard datagrams");
        }
        return "nothing attached after " + waited + " s: " + String.join("; ", parts);
    }

    /** The lines joined with "; ", for one log line. */
    public String summary() {
        return "UDP " + port + ", nothing attached after " + waited.toSeconds() + " s: " + String.join("; ", lines);
    }
}
