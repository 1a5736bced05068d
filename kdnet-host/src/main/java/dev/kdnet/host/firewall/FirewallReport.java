package dev.kdnet.host.firewall;

import dev.kdnet.protocol.args.PortRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What this machine's nftables, iptables and xfrm state does to a range of KDNET ports: each blocker with the ports
 * it stops, and a note for each tool that could not be read ("nft not installed: not checked").
 *
 * @param blockers every rule or policy that stops some port of the range, with those ports, in the order read
 * @param notes    why a tool's state is unknown
 */
public record FirewallReport(Map<Blocker, List<Integer>> blockers, List<String> notes) {
    /** Copies. */
    public FirewallReport {
        blockers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(blockers));
        notes = List.copyOf(notes);
    }

    /** Nothing found, nothing unknown. */
    public static FirewallReport empty() {
        return new FirewallReport(Map.of(), List.of());
    }

    /**
     * Reads the three tools' outputs for {@code ports}; a tool that did not run adds its note.
     *
     * @param run runs a command line and gives its output ({@link ToolOutput#run} on a real machine)
     */
    public static FirewallReport inspect(PortRange ports, Function<List<String>, ToolOutput> run) {
        List<String> notes = new ArrayList<>();
        Map<Blocker, List<Integer>> found = new LinkedHashMap<>();
        ToolOutput iptables = run.apply(List.of("iptables-save"));
        ToolOutput nft = run.apply(List.of("nft", "-a", "list", "ruleset"));
        ToolOutput xfrm = run.apply(List.of("ip", "xfrm", "policy"));
        read(nft, ports, (text, port) -> NftablesState.blockers(text, port, iptables.ran()), found, notes);
        read(iptables, ports, IptablesState::blockers, found, notes);
        read(xfrm, ports, XfrmState::blockers, found, notes);
        return new FirewallReport(found, notes);
    }

    private static void read(ToolOutput output, PortRange ports, BiFunction<String, Integer, List<Blocker>> reader,
            Map<Blocker, List<Integer>> found, List<String> notes) {
        if (!output.ran()) {
            notes.add(output.problem());
            return;
        }
        for (int port : ports.ports()) {
            reader.apply(output.output(), port)
                    .forEach(b -> found.computeIfAbsent(b, k -> new ArrayList<>()).add(port));
        }
    }

    /** The blockers that stop {@code port}. */
    public List<Blocker> blocking(int port) {
        return blockers.entrySet().stream().filter(e -> e.getValue().contains(port)).map(Map.Entry::getKey)
                .toList();
    }

    /** One sentence per blocker, naming the ports it stops (e.g. "UDP 50000-50039" or "UDP 50003"). */
    public List<String> lines() {
        return blockers.entrySet().stream().map(e -> e.getKey().describe(portsText(e.getValue()))).toList();
    }

    /** {@code 50000}, {@code 50000-50039} for consecutive ports, else the first and how many. */
    static String portsText(List<Integer> ports) {
        int first = ports.get(0);
        int last = ports.get(ports.size() - 1);
        if (ports.size() == 1) {
            return Integer.toString(first);
        }
        return last - first + 1 == ports.size() ? first + "-" + last : first + " (and " + (ports.size() - 1)
                + " more ports)";
    }
}
