package dev.kdnet.host.doctor;

import dev.kdnet.host.firewall.Blocker;
import dev.kdnet.host.firewall.FirewallReport;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.args.PortRange;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What {@code ./kdnet host doctor} prints, as a pure function of what it saw: a line per source, the firewall and
 * IPsec findings, warnings, ONE verdict line ending with the command that fixes it where one is known, and below it
 * the rules that command applies.
 *
 * @param lines          everything before the verdict
 * @param verdict        the verdict line, starting with "verdict: "
 * @param fix            the rules the verdict's fix applies, each line indented by two spaces; empty without a fix
 * @param targetVerified true if a KDNET target with the right key was seen (exit code 0)
 */
public record DoctorReport(List<String> lines, String verdict, List<String> fix, boolean targetVerified) {
    /** The IP TTL a KDNET target sends with (kdnet-wire, the simulator: TTL 16 crosses 15 routers). */
    public static final int TARGET_TTL = 16;
    /** From this many hops on, one more router and the target's datagrams die on the way. */
    static final int LAST_HOP = TARGET_TTL - 1;
    /** How the fix's rules stand apart from the report's lines. */
    private static final String FIX_INDENT = "  ";
    private static final String XFRM = "xfrm";

    /** Copies. */
    public DoctorReport {
        lines = List.copyOf(lines);
        fix = List.copyOf(fix);
    }

    /**
     * What the doctor saw, and where it could not look.
     *
     * @param ports      the ports it listened on
     * @param held       the ports it could not listen on, with what holds them, e.g. "UDP 50000 is bound by
     *                   0.0.0.0:50000 (a running host listen?)"
     * @param keyGiven   true if a key was given (the HMAC was checked)
     * @param listened   how long it listened
     * @param sources    what each source sent
     * @param local      this machine's addresses (a poke's hostip is checked against them)
     */
    record Seen(PortRange ports, List<String> held, boolean keyGiven, Duration listened, List<SourceSeen> sources,
            Set<InetAddress> local) {
    }

    /** The report on {@code seen} with {@code firewall}'s findings; fixes come from {@code fixes}. */
    static DoctorReport of(Seen seen, FirewallReport firewall, FixRules fixes) {
        List<String> lines = new ArrayList<>(seen.held());
        List<String> warnings = new ArrayList<>();
        List<SourceSeen> sources = seen.sources().stream()
                .sorted(Comparator.comparingLong(SourceSeen::datagrams).reversed()).toList();
        for (SourceSeen source : sources) {
            lines.add(describe(source, seen.keyGiven()));
            warnings.addAll(warnings(source, seen.local()));
        }
        if (sources.isEmpty()) {
            lines.add("no datagram on UDP " + seen.ports() + " in " + seen.listened().toSeconds() + " s");
        }
        firewall.lines().forEach(line -> lines.add("firewall: " + line));
        firewall.notes().forEach(note -> lines.add("firewall: " + note));
        if (firewall.blockers().isEmpty()) {
            lines.add("firewall: no nftables, iptables or xfrm rule on this machine stops UDP " + seen.ports());
        }
        lines.addAll(warnings);
        Optional<SourceSeen> verified = sources.stream().filter(s -> s.verified() > 0).findFirst();
        String verdict = verdict(seen, sources, verified, firewall, fixes);
        List<String> fix = culprit(sources, verified, firewall).stream()
                .flatMap(blocker -> fixes.rules(blocker, seen.ports()).stream()).map(line -> FIX_INDENT + line)
                .toList();
        return new DoctorReport(lines, "verdict: " + verdict, fix, verified.isPresent());
    }

    private static String verdict(Seen seen, List<SourceSeen> sources, Optional<SourceSeen> verified,
            FirewallReport firewall, FixRules fixes) {
        List<Blocker> inbound = firewall.blockers().keySet().stream().filter(Blocker::inbound).toList();
        List<Blocker> outbound = firewall.blockers().keySet().stream().filter(b -> !b.inbound()).toList();
        if (verified.isPresent()) {
            SourceSeen target = verified.get();
            String who = target.source().getAddress().getHostAddress();
            OptionalInt hops = hops(target);
            List<Blocker> towardsTarget = outbound.stream()
                    .filter(b -> b.targets().include(target.source().getAddress())).toList();
            if (!towardsTarget.isEmpty()) {
                Blocker blocker = towardsTarget.get(0);
                return "target " + who + " reaches UDP " + target.ports().first() + " with this key, but "
                        + blocker.describe(target.ports().first()) + consequence(blocker)
                        + ": our replies will not reach it; fix: " + fix(blocker, seen.ports(), fixes);
            }
            if (hops.isPresent() && hops.getAsInt() >= LAST_HOP) {
                return "target " + who + " is " + hops.getAsInt() + " hops away: one more router and TTL "
                        + TARGET_TTL + " will not reach";
            }
            if (target.source().getAddress().isLinkLocalAddress()) {
                return "target " + who + " reaches UDP " + target.ports().first() + " with this key, but from a"
                        + " link-local address: it fell back to APIPA and other subnets cannot reach it";
            }
            return "target " + who + " reaches UDP " + target.ports().first() + " with this key"
                    + hops.stream().mapToObj(h -> " (" + h + (h == 1 ? " hop" : " hops") + " away)").findFirst()
                    .orElse("") + ": a host listen on this port should attach";
        }
        Optional<SourceSeen> mismatched = sources.stream().filter(s -> s.mismatched() > 0).findFirst();
        if (mismatched.isPresent()) {
            return "datagrams arrive from " + mismatched.get().source().getAddress().getHostAddress()
                    + " but none verifies with this key: the key does not match";
        }
        Optional<SourceSeen> unchecked = sources.stream().filter(s -> s.unchecked() > 0).findFirst();
        if (unchecked.isPresent()) {
            return "a KDNET target at " + unchecked.get().source().getAddress().getHostAddress() + " sends to UDP "
                    + unchecked.get().ports().first() + ": its key was not checked (give --key, --key-file or"
                    + " KDNET_KEY)";
        }
        String nothing = sources.isEmpty() ? "nothing arrives on UDP " + seen.ports()
                : "no KDNET datagram arrives on UDP " + seen.ports() + " (only other programs' datagrams, from "
                        + sources.get(0).source().getAddress().getHostAddress() + ")";
        if (!inbound.isEmpty()) {
            Blocker blocker = inbound.get(0);
            String replies = outbound.stream().filter(b -> b.tool().equals(XFRM)).findFirst()
                    .map(b -> "; and " + b.describe(firewall.blockers().get(b).get(0)) + direction(b)).orElse("");
            return nothing + " and " + blocker.describe(firewall.blockers().get(blocker).get(0))
                    + consequence(blocker) + direction(blocker) + replies + "; fix: "
                    + fix(blocker, seen.ports(), fixes);
        }
        if (!seen.held().isEmpty() && sources.isEmpty()) {
            return nothing + ", and " + seen.held().get(0) + ": the doctor cannot observe a port another socket"
                    + " holds";
        }
        return nothing + " in " + seen.listened().toSeconds() + " s and no rule on this machine stops it: look at"
                + " the path (routers past TTL " + TARGET_TTL + ", a network firewall) and the target's settings"
                + " (is it up, hostip this machine, port in " + seen.ports() + ")"
                + (firewall.notes().isEmpty() ? "" : " (" + String.join(", ", firewall.notes()) + ")");
    }

    /**
     * The rule or policy the verdict blames and fixes: for a verified target the first that stops our replies,
     * when nothing KDNET verified arrives (and no other KDNET source explains it) the first that stops the target's
     * datagrams.
     */
    private static Optional<Blocker> culprit(List<SourceSeen> sources, Optional<SourceSeen> verified,
            FirewallReport firewall) {
        boolean explained = sources.stream().anyMatch(s -> s.mismatched() > 0 || s.unchecked() > 0);
        if (verified.isEmpty() && explained) {
            return Optional.empty();
        }
        boolean inbound = verified.isEmpty();
        return firewall.blockers().keySet().stream().filter(b -> b.inbound() == inbound)
                .filter(b -> verified.isEmpty() || b.targets().include(verified.get().source().getAddress()))
                .findFirst();
    }

    /** What a blocked direction means for the session, said for IPsec policies, where either way may be blocked. */
    private static String direction(Blocker blocker) {
        if (!blocker.tool().equals(XFRM)) {
            return "";
        }
        return blocker.inbound() ? ": the target's datagrams cannot reach us" : ": our replies cannot reach the target";
    }

    private static String consequence(Blocker blocker) {
        return blocker.effect() == Blocker.Effect.REQUIRES_ESP ? " (the KDNET stub cannot speak ESP)" : "";
    }

    private static String fix(Blocker blocker, PortRange ports, FixRules fixes) {
        return fixes.command(blocker.tool(), ports);
    }

    /** How many routers lie between the target and here, from the lowest TTL seen. */
    static OptionalInt hops(SourceSeen source) {
        return source.minTtl().isPresent() && source.minTtl().getAsInt() <= TARGET_TTL
                ? OptionalInt.of(TARGET_TTL - source.minTtl().getAsInt()) : OptionalInt.empty();
    }

    private static String describe(SourceSeen s, boolean keyGiven) {
        StringBuilder line = new StringBuilder("from " + s.source().getAddress().getHostAddress() + ":"
                + s.source().getPort() + " to UDP " + ports(s) + ": " + s.datagrams() + " datagrams");
        if (!s.kdnet()) {
            line.append(", not KDNET (no MDBG header)");
        } else {
            line.append(", KDNET version ").append(s.version());
            if (s.notKdnet() > 0) {
                line.append(" (").append(s.notKdnet()).append(" not KDNET)");
            }
            line.append(", HMAC ").append(!keyGiven ? "not checked (no key)"
                    : s.verified() > 0 ? "verified (" + s.verified() + " control datagrams)"
                    : s.mismatched() > 0 ? "key mismatch on " + s.mismatched() : "not checkable (data only)");
        }
        if (s.minTtl().isPresent()) {
            int min = s.minTtl().getAsInt();
            int max = s.maxTtl().getAsInt();
            line.append(", TTL ").append(min == max ? Integer.toString(min) : min + "-" + max);
            hops(s).ifPresentOrElse(h -> line.append(": ").append(h).append(h == 1 ? " hop" : " hops").append(" away"),
                    () -> line.append(": above a KDNET target's ").append(TARGET_TTL)
                            .append(" (not a KDNET stub, or rewritten on the way)"));
        } else {
            line.append(", TTL not reported");
        }
        return line.toString();
    }

    private static String ports(SourceSeen s) {
        return s.ports().size() == 1 ? s.ports().first().toString()
                : s.ports().first() + ".." + s.ports().last() + " (" + s.ports().size() + " ports)";
    }

    private static List<String> warnings(SourceSeen s, Set<InetAddress> local) {
        List<String> warnings = new ArrayList<>();
        String who = s.source().getAddress().getHostAddress();
        if (s.source().getAddress().isLinkLocalAddress()) {
            warnings.add("warning: " + who + " is a link-local address (169.254/16): the target got no DHCP lease"
                    + " and fell back to APIPA; give it an address (DHCP or static) on the host's subnet");
        }
        OptionalInt hops = hops(s);
        if (hops.isPresent() && hops.getAsInt() >= LAST_HOP) {
            warnings.add("warning: target " + who + " is " + hops.getAsInt() + " hops away: one more router and TTL "
                    + TARGET_TTL + " will not reach");
        }
        s.poke().ifPresent(poke -> warnings.addAll(pokeWarnings(s, poke, local)));
        return warnings;
    }

    private static List<String> pokeWarnings(SourceSeen s, Poke poke, Set<InetAddress> local) {
        List<String> warnings = new ArrayList<>();
        String who = s.source().getAddress().getHostAddress();
        Endpoint host = poke.host();
        if (!s.ports().contains(host.port())) {
            warnings.add("warning: target " + who + " says its host port is " + host.port() + " but its datagrams"
                    + " come to UDP " + ports(s) + ": a port translation on the way? Set port=" + host.port()
                    + " on this side or fix the target's port");
        }
        Endpoint own = poke.target();
        if (own.ipv4() != null && !own.ipv4().equals(s.source().getAddress())) {
            warnings.add("note: target " + who + " says it is " + own.ipv4().getHostAddress() + ":" + own.port()
                    + ": a NAT on the way (KDNET works through it: the target speaks first)");
        }
        if (host.ipv4() != null && !local.isEmpty() && !local.contains(host.ipv4())) {
            warnings.add("note: target " + who + " has hostip " + host.ipv4().getHostAddress() + ", not an address"
                    + " of this machine: its datagrams reach this machine only through a NAT or forward");
        }
        return warnings;
    }
}
