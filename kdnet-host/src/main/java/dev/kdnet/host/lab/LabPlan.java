package dev.kdnet.host.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The commands that build a lab and remove it again, made from its {@link LabSpec} without running anything.
 *
 * <p>The nodes form a chain: the debugging host, routers 1..N, the target. Link {@code i} joins node {@code i} to
 * node {@code i+1} on its own /24, {@code 10.213.i.0/24}, the node nearer to the host being {@code .1}; with
 * {@link LabSpec#linkLocal()} the target's link is {@code 169.254.213.0/24} instead. In each namespace the
 * interface toward the host is {@value #TOWARD_HOST} and the one toward the target {@value #TOWARD_TARGET}. Every
 * address, route, rule and policy lives inside the lab's namespaces, so deleting them (the teardown) removes all of
 * it; nothing is added to the namespace the lab is started from.
 *
 * @param namespaces the lab's namespaces, host first, then the routers, the target last
 * @param hostAddress the debugging host's address
 * @param targetAddress the target's own address
 * @param targetSeenAs the target's address as the host sees it: the masquerading router's with NAT
 * @param setup the commands that build the lab, in order
 * @param teardown the commands that remove it, in order
 */
public record LabPlan(List<String> namespaces, String hostAddress, String targetAddress, String targetSeenAs,
        List<LabStep> setup, List<LabStep> teardown) {
    /** Interface name, in every namespace, of the link toward the debugging host. */
    public static final String TOWARD_HOST = "tohost";
    /** Interface name, in every namespace, of the link toward the target. */
    public static final String TOWARD_TARGET = "totarget";
    /** The first two octets of the lab's link subnets. */
    public static final String SUBNETS = "10.213";
    /** The target's link subnet (first three octets) with {@link LabSpec#linkLocal()}. */
    public static final String LINK_LOCAL_SUBNET = "169.254.213";
    /**
     * Priority of the lab's ESP-requiring policies: a subnet-wide policy as an IPsec daemon installs it, in the
     * thousands; a bypass for the KDNET ports must have a smaller number to win.
     */
    public static final int ESP_POLICY_PRIORITY = 2000;
    /** Comment on every firewall rule the lab adds, so a doctor's naming of the rule is recognisable. */
    public static final String RULE_COMMENT = "kdnet lab";
    private static final String PREFIX_LENGTH = "/24";

    /** Copies the lists. */
    public LabPlan {
        namespaces = List.copyOf(namespaces);
        setup = List.copyOf(setup);
        teardown = List.copyOf(teardown);
    }

    /**
     * The plan for {@code spec}, its namespaces named {@code prefix-h} (host), {@code prefix-r1}.. (routers) and
     * {@code prefix-t} (target); {@code rulesCommand} starts {@code ./kdnet rules} (the host's jar and its
     * {@code rules} subcommand), run inside a namespace to apply a rule set.
     */
    public static LabPlan of(LabSpec spec, String prefix, List<String> rulesCommand) {
        return new Builder(spec, prefix, rulesCommand).plan();
    }

    /** The debugging host's namespace. */
    public String hostNamespace() {
        return namespaces.get(0);
    }

    /** The target's namespace. */
    public String targetNamespace() {
        return namespaces.get(namespaces.size() - 1);
    }

    /** The routers' namespaces, nearest to the host first. */
    public List<String> routerNamespaces() {
        return namespaces.subList(1, namespaces.size() - 1);
    }

    /** {@code command} run inside namespace {@code namespace}. */
    public static List<String> inNamespace(String namespace, List<String> command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        argv.addAll(command);
        return argv;
    }

    /** Makes a plan's steps in the order they run. */
    private static final class Builder {
        private final LabSpec spec;
        private final List<String> rulesCommand;
        private final List<String> nodes;
        private final List<LabStep> setup = new ArrayList<>();
        private final int links;

        Builder(LabSpec spec, String prefix, List<String> rulesCommand) {
            this.spec = spec;
            this.rulesCommand = List.copyOf(rulesCommand);
            List<String> names = new ArrayList<>();
            names.add(prefix + "-h");
            IntStream.rangeClosed(1, spec.routers()).forEach(k -> names.add(prefix + "-r" + k));
            names.add(prefix + "-t");
            this.nodes = List.copyOf(names);
            this.links = spec.routers() + 1;
        }

        LabPlan plan() {
            nodes.forEach(node -> setup.add(LabStep.of("ip", "netns", "add", node)));
            nodes.forEach(node -> setup.add(LabStep.of("ip", "-n", node, "link", "set", "lo", "up")));
            IntStream.range(0, links).forEach(this::link);
            IntStream.rangeClosed(1, spec.routers()).forEach(this::router);
            if (spec.routers() > 0) {
                setup.add(route(host(), "default", address(0, 2)));
                setup.add(route(target(), "default", address(links - 1, 1)));
            }
            if (spec.nat()) {
                setup.add(nft(nodes.get(1), "table ip nat {\n\tchain postrouting {\n"
                        + "\t\ttype nat hook postrouting priority srcnat; policy accept;\n"
                        + "\t\toifname \"" + TOWARD_HOST + "\" masquerade comment \"" + RULE_COMMENT
                        + ": NAT toward the host\"\n\t}\n}\n"));
            }
            spec.firewall().ifPresent(this::firewall);
            spec.ipsec().ifPresent(this::ipsec);
            spec.rules().ifPresent(this::applyRules);
            List<LabStep> teardown = IntStream.range(0, nodes.size()).mapToObj(i -> nodes.get(nodes.size() - 1 - i))
                    .map(node -> LabStep.of("ip", "netns", "del", node)).toList();
            String targetAddress = address(links - 1, 2);
            return new LabPlan(nodes, address(0, 1), targetAddress, spec.nat() ? address(0, 2) : targetAddress,
                    setup, teardown);
        }

        private String host() {
            return nodes.get(0);
        }

        private String target() {
            return nodes.get(nodes.size() - 1);
        }

        /** The first three octets of link {@code i}'s subnet. */
        private String network(int i) {
            return spec.linkLocal() && i == links - 1 ? LINK_LOCAL_SUBNET : SUBNETS + "." + i;
        }

        private String address(int link, int last) {
            return network(link) + "." + last;
        }

        private String subnet(int link) {
            return network(link) + ".0" + PREFIX_LENGTH;
        }

        private void link(int i) {
            String near = nodes.get(i);
            String far = nodes.get(i + 1);
            setup.add(LabStep.of("ip", "link", "add", TOWARD_TARGET, "netns", near, "type", "veth", "peer", "name",
                    TOWARD_HOST, "netns", far));
            setup.add(LabStep.of("ip", "-n", near, "addr", "add", address(i, 1) + PREFIX_LENGTH, "dev", TOWARD_TARGET));
            setup.add(LabStep.of("ip", "-n", far, "addr", "add", address(i, 2) + PREFIX_LENGTH, "dev", TOWARD_HOST));
            setup.add(LabStep.of("ip", "-n", near, "link", "set", TOWARD_TARGET, "up"));
            setup.add(LabStep.of("ip", "-n", far, "link", "set", TOWARD_HOST, "up"));
        }

        /** Router {@code k} (1-based) forwards, and routes to the two end subnets that are not its own links. */
        private void router(int k) {
            String router = nodes.get(k);
            setup.add(new LabStep(inNamespace(router, List.of("sysctl", "-qw", "net.ipv4.ip_forward=1")), ""));
            if (k > 1) {
                setup.add(route(router, subnet(0), address(k - 1, 1)));
            }
            if (k < spec.routers()) {
                setup.add(route(router, subnet(links - 1), address(k, 2)));
            }
        }

        private static LabStep route(String namespace, String destination, String via) {
            return LabStep.of("ip", "-n", namespace, "route", "add", destination, "via", via);
        }

        private static LabStep nft(String namespace, String ruleset) {
            return new LabStep(inNamespace(namespace, List.of("nft", "-f", "-")), ruleset);
        }

        private void firewall(FirewallSpec firewall) {
            boolean onHost = firewall.place() == FirewallSpec.Place.HOST;
            String namespace = onHost ? host() : nodes.get(1);
            String verdict = firewall.action() == FirewallSpec.Action.DROP ? "drop" : "reject";
            String what = RULE_COMMENT + ": " + (onHost ? "the host firewall " : "a router ") + verdict
                    + "s the KDNET port";
            if (firewall.tool() == FirewallSpec.Tool.NFTABLES) {
                String chain = onHost ? "input" : "forward";
                setup.add(nft(namespace, "table inet filter {\n\tchain " + chain + " {\n"
                        + "\t\ttype filter hook " + chain + " priority filter; policy accept;\n"
                        + "\t\tudp dport " + spec.port() + " counter " + verdict + " comment \"" + what + "\"\n"
                        + "\t}\n}\n"));
            } else {
                setup.add(new LabStep(inNamespace(namespace, List.of("iptables", "-A", onHost ? "INPUT" : "FORWARD",
                        "-p", "udp", "--dport", Integer.toString(spec.port()), "-m", "comment", "--comment", what,
                        "-j", verdict.toUpperCase(Locale.ROOT))), ""));
            }
        }

        private void ipsec(IpsecSpec ipsec) {
            if (ipsec == IpsecSpec.REQUIRE_ESP_OUT) {
                setup.add(espPolicy(host(), subnet(0), subnet(links - 1), "out"));
                return;
            }
            requireEsp(host(), subnet(0), subnet(links - 1));
            requireEsp(target(), subnet(links - 1), subnet(0));
        }

        /** Policies on one end that require ESP for everything between its subnet and the other end's. */
        private void requireEsp(String namespace, String local, String remote) {
            setup.add(espPolicy(namespace, local, remote, "out"));
            setup.add(espPolicy(namespace, remote, local, "in"));
        }

        private static LabStep espPolicy(String namespace, String source, String destination, String direction) {
            return LabStep.of("ip", "-n", namespace, "xfrm", "policy", "add", "src", source, "dst", destination,
                    "dir", direction, "priority", Integer.toString(ESP_POLICY_PRIORITY), "tmpl", "proto", "esp",
                    "mode", "transport", "level", "required");
        }

        /**
         * {@code ./kdnet rules --apply} in the namespaces of the ends asked for, scoped to the two ends' addresses as
         * the host sees them; on the target's end with {@code --side target}, the mirror image of the host's.
         */
        private void applyRules(RulesSpec rules) {
            if (rules.ends().host()) {
                setup.add(rulesStep(host(), rules.format(), List.of()));
            }
            if (rules.ends().target()) {
                setup.add(rulesStep(target(), rules.format(), List.of("--side", "target")));
            }
        }

        private LabStep rulesStep(String namespace, String format, List<String> side) {
            String port = Integer.toString(spec.port());
            String targetSeenAs = spec.nat() ? address(0, 2) : address(links - 1, 2);
            List<String> command = new ArrayList<>(rulesCommand);
            command.addAll(List.of("--format", format, "--ports", port, "--host", address(0, 1), "--target",
                    targetSeenAs));
            command.addAll(side);
            command.add("--apply");
            return new LabStep(inNamespace(namespace, command), "");
        }
    }
}
