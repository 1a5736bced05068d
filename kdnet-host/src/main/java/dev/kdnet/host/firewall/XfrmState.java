package dev.kdnet.host.firewall;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of {@code ip xfrm policy} (iproute2 prints text even with {@code -j}) and names every policy of
 * direction in or out whose selector covers a KDNET port's UDP datagrams and that requires ESP or AH (a template
 * with {@code proto esp} or {@code proto ah}, not {@code level use}) or blocks them, wherever the kernel would let it
 * decide their fate.
 *
 * <p>The kernel decides a datagram by ONE policy per direction: of those whose selector matches, the one with the
 * smallest priority number; between equal priorities the older one. {@code ip xfrm policy} lists the newest first,
 * so of two equal priorities the one listed later wins. A policy that a winning policy's selector covers entirely
 * (for the port's datagrams) never decides them and is not named; one that wins only for part of its selector, as a
 * subnet-wide ESP policy beside the per-address bypass that {@code ./kdnet rules --format xfrm} prints, is named
 * with the addresses it does not decide in its condition ("but not 10.213.1.2/32 to 10.213.0.1/32").
 *
 * <p>The KDNET stub has its own UDP/IPv4 stack and cannot speak ESP, so such a policy drops the port's datagrams;
 * an {@code out} policy does so silently while {@code sendto} succeeds.
 */
public final class XfrmState {
    static final String TOOL = "xfrm";
    private static final Pattern SELECTOR = Pattern.compile("^src (\\S+) dst (\\S+)(.*)$");
    private static final Pattern DIR = Pattern.compile("^dir (in|out|fwd)\\b(?:.*\\baction (allow|block)\\b)?"
            + "(?:.*\\bpriority (\\d+))?");
    private static final Pattern TEMPLATE_PROTO = Pattern.compile("^proto (esp|ah)\\b(.*)$");
    private static final Pattern PROTO = Pattern.compile("\\bproto (\\S+)");
    private static final Pattern SELECTOR_PORT = Pattern.compile("\\b[sd]port (\\d+)");

    private XfrmState() {
    }

    /** One policy as listed, {@code listed} its position in the listing (0 the newest). */
    private record Policy(int listed, String src, String dst, String selector, String dir, boolean block,
            long priority, boolean secured, String text) {
        boolean coversPort(int port) {
            Matcher proto = PROTO.matcher(selector);
            if (proto.find() && !proto.group(1).equals("udp") && !proto.group(1).equals("17")) {
                return false;
            }
            Matcher ports = SELECTOR_PORT.matcher(selector);
            while (ports.find()) {
                if (Integer.parseInt(ports.group(1)) != port) {
                    return false;
                }
            }
            return true;
        }

        boolean allows() {
            return !block && !secured;
        }

        /** True if the kernel tries this policy before {@code other}: a smaller number, or older at a tie. */
        boolean before(Policy other) {
            return priority < other.priority || priority == other.priority && listed > other.listed;
        }

        /** True if some datagram matches both selectors' addresses. */
        boolean overlaps(Policy other) {
            return (contains(src, other.src) || contains(other.src, src))
                    && (contains(dst, other.dst) || contains(other.dst, dst));
        }

        /** True if every datagram {@code other}'s addresses select, this policy's select too. */
        boolean covers(Policy other) {
            return contains(src, other.src) && contains(dst, other.dst);
        }

        /** The prefix of its selector on the target's side: the source coming in, the destination going out. */
        String targetSide() {
            return dir.equals("in") ? src : dst;
        }

        /** The addresses of the traffic as {@code 10.213.1.2/32 to 10.213.0.1/32}. */
        String flow() {
            return src + " to " + dst;
        }
    }

    /** The blockers of UDP {@code port} in {@code listing}, the output of {@code ip xfrm policy}. */
    public static List<Blocker> blockers(String listing, int port) {
        List<Policy> policies = parse(listing);
        List<Blocker> blockers = new ArrayList<>();
        for (Policy policy : policies) {
            if (policy.dir.equals("fwd") || policy.allows() || !policy.coversPort(port)) {
                continue;
            }
            List<Policy> first = policies.stream().filter(p -> p != policy && p.dir.equals(policy.dir)
                    && p.coversPort(port) && p.before(policy) && p.overlaps(policy)).toList();
            if (first.stream().noneMatch(p -> p.covers(policy))) {
                List<Policy> bypasses = first.stream().filter(Policy::allows).toList();
                blockers.add(new Blocker(TOOL, policy.block ? Blocker.Effect.BLOCK : Blocker.Effect.REQUIRES_ESP,
                        policy.dir.equals("in"), "dir " + policy.dir + " priority " + policy.priority,
                        policy.text, condition(policy, bypasses), new Blocker.Targets(policy.targetSide(),
                                bypasses.stream().map(Policy::targetSide).toList())));
            }
        }
        return blockers;
    }

    /** Where {@code policy} decides: the target's side of its selector, without what {@code bypasses} let through. */
    private static String condition(Policy policy, List<Policy> bypasses) {
        String where = "the target is in " + policy.targetSide();
        if (bypasses.isEmpty()) {
            return where;
        }
        return where + " but not " + String.join(" nor ", bypasses.stream().map(Policy::flow).toList())
                + " (let through by " + (bypasses.size() == 1 ? "a bypass at priority " + bypasses.get(0).priority
                        : bypasses.size() + " bypasses") + ")";
    }

    private static List<Policy> parse(String listing) {
        List<Policy> policies = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : listing.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                policy(policies.size(), block).ifPresent(policies::add);
                block.clear();
            }
            if (!line.isBlank()) {
                block.add(line.strip());
            }
        }
        policy(policies.size(), block).ifPresent(policies::add);
        return policies;
    }

    private static Optional<Policy> policy(int listed, List<String> lines) {
        if (lines.size() < 2) {
            return Optional.empty();
        }
        Matcher selector = SELECTOR.matcher(lines.get(0));
        Matcher dir = DIR.matcher(lines.get(1));
        if (!selector.matches() || !dir.find()) {
            return Optional.empty();
        }
        boolean secured = lines.stream().skip(2).map(TEMPLATE_PROTO::matcher)
                .anyMatch(m -> m.matches() && !m.group(2).contains("level use"));
        long priority = dir.group(3) == null ? 0 : Long.parseLong(dir.group(3));
        String text = String.join(" ", lines.subList(0, 2)).replaceAll("\\s+", " ").strip()
                + (secured ? " tmpl " + lines.stream().skip(2).filter(l -> TEMPLATE_PROTO.matcher(l).matches())
                        .findFirst().orElse("") : "");
        return Optional.of(new Policy(listed, selector.group(1), selector.group(2), selector.group(3), dir.group(1),
                "block".equals(dir.group(2)), priority, secured, text.replace(" ptype main", "")));
    }

    /** True if the prefix {@code outer} (e.g. 10.0.0.0/8) contains every address of {@code inner}. */
    static boolean contains(String outer, String inner) {
        Prefix o = Prefix.parse(outer);
        Prefix i = Prefix.parse(inner);
        return o.bytes().length == i.bytes().length && o.length() <= i.length()
                && o.network().equals(i.mask(o.length()));
    }

    /** An address prefix such as 10.213.1.0/24 (a bare address is a full-length prefix). */
    private record Prefix(byte[] bytes, int length) {
        static Prefix parse(String text) {
            String[] parts = text.split("/");
            try {
                byte[] bytes = InetAddress.getByName(parts[0]).getAddress();
                return new Prefix(bytes, parts.length > 1 ? Integer.parseInt(parts[1]) : bytes.length * Byte.SIZE);
            } catch (UnknownHostException | NumberFormatException e) {
                return new Prefix(new byte[0], 0);
            }
        }

        BigInteger network() {
            return mask(length);
        }

        BigInteger mask(int bits) {
            int width = bytes.length * Byte.SIZE;
            BigInteger value = new BigInteger(1, bytes);
            return width == 0 ? value : value.shiftRight(width - bits).shiftLeft(width - bits);
        }
    }
}
