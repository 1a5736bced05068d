package dev.kdnet.host.cli;

import dev.kdnet.host.firewall.Cidr;
import dev.kdnet.host.firewall.Command;
import dev.kdnet.host.firewall.CommandRunner;
import dev.kdnet.host.firewall.FirewallException;
import dev.kdnet.host.firewall.RuleApplier;
import dev.kdnet.host.firewall.RuleFormat;
import dev.kdnet.host.firewall.Rules;
import dev.kdnet.host.firewall.Scope;
import dev.kdnet.host.firewall.Side;
import dev.kdnet.host.firewall.ThisMachine;
import dev.kdnet.protocol.args.Ipv4Argument;
import dev.kdnet.protocol.args.PortRange;
import dev.kdnet.protocol.args.UsageException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kdnet rules}: the firewall and IPsec exceptions KDNET's UDP ports need, printed for a platform, or applied
 * to (and removed from) this Linux machine.
 */
@CommandLine.Command(name = RulesCommand.NAME, hidden = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Print the firewall and IPsec exceptions for KDNET's UDP ports in one format, each rule"
                + " preceded by a comment line saying what it does; or apply the nftables, iptables or xfrm set to"
                + " this Linux machine (root) and remove exactly that again.",
            "Exit status: 0 done, 1 the change failed (or not root, not Linux), 2 bad options.",
            ""},
        footer = {"",
            "What --apply adds, and --remove (same --format; for xfrm also the same --ports,",
            "--target, --host and --side) deletes again, and nothing else:",
            "  nftables  the table inet kdnet, and an accept tagged comment \"kdnet\" at the",
            "            head of every other ip or inet input base chain (a drop there",
            "            would drop the datagram whatever our own table accepts)",
            "  iptables  the chain kdnet, and the jump -m comment --comment kdnet -j kdnet",
            "            as rule 1 of INPUT",
            "  xfrm      action allow policies, one per port and direction, priority 0;",
            "            an ESP policy also at priority 0 is older and wins: renumber it",
            "Applying again first removes what the last apply added.",
            "",
            "Examples:",
            "  ./kdnet rules --format windows-powershell --target 192.168.1.0/24",
            "  ./kdnet rules --format xfrm --ports 50000 --target 10.1.0.7 --host 10.2.0.5",
            "  sudo ./kdnet rules --format nftables --apply",
            "  sudo ./kdnet rules --format nftables --remove"})
final class RulesCommand implements Callable<Integer> {
    /** The subcommand's name under the host; users run it as {@link #SPELLING}. */
    static final String NAME = "rules";
    /** How users start it. */
    static final String SPELLING = "./kdnet rules";

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "F", required = true,
            description = "The format: windows-powershell, windows-netsh, nftables, iptables, firewalld, ufw, xfrm"
                    + " or strongswan (required).")
    private String format;

    @Option(names = "--ports", paramLabel = "P[-Q]", defaultValue = "50000-50039",
            description = "The UDP ports, one or a range; the target uses the same port on both ends"
                    + " (default: ${DEFAULT-VALUE}, bcdedit's recommended range).")
    private String ports;

    @Option(names = "--target", paramLabel = "ADDR|CIDR",
            description = "The target's IPv4 address or subnet, e.g. 192.168.1.20 or 192.168.1.0/24"
                    + " (default: any address).")
    private String target;

    @Option(names = "--host", paramLabel = "ADDR",
            description = "This debugging host's IPv4 address as the target reaches it (default: any of its"
                    + " addresses).")
    private String host;

    @Option(names = "--side", paramLabel = "SIDES",
            description = "xfrm and strongswan only: whose IPsec exceptions, a list of host, target and router"
                    + " (router: xfrm fwd policies). Default: host,target when printing, host with --apply or"
                    + " --remove.")
    private String side;

    @Option(names = "--apply", description = "Apply the nftables, iptables or xfrm rules to this Linux machine"
            + " (root).")
    private boolean apply;

    @Option(names = "--remove", description = "Remove what --apply added, and nothing else (root).")
    private boolean remove;

    @Override
    public Integer call() {
        RuleFormat ruleFormat = RuleFormat.parse(format);
        boolean changes = apply || remove;
        Set<Side> sides = sides(ruleFormat, changes);
        Scope scope = Scope.of(PortRange.parse(ports), Optional.ofNullable(target).map(t -> Cidr.parse("--target", t)),
                Optional.ofNullable(host).map(h -> Ipv4Argument.parse("--host", h)), sides);
        PrintWriter out = spec.commandLine().getOut();
        if (!changes) {
            out.print(Rules.forPorts(ruleFormat, scope));
            out.flush();
            return 0;
        }
        checkChangeable(ruleFormat);
        RuleApplier applier = new RuleApplier(new CommandRunner());
        List<Command> run = apply ? applier.apply(ruleFormat, scope, sides) : applier.remove(ruleFormat, scope, sides);
        run.forEach(command -> print(out, command));
        out.println("kdnet " + NAME + ": " + (apply
                ? ruleFormat.text() + " rules for UDP " + scope.ports() + " applied; --remove takes them away again"
                : run.isEmpty() ? "no " + ruleFormat.text() + " rules of kdnet were there"
                        : ruleFormat.text() + " rules of kdnet removed"));
        out.flush();
        return 0;
    }

    private Set<Side> sides(RuleFormat ruleFormat, boolean changes) {
        if (side == null) {
            return changes ? Set.of(Side.HOST) : Side.PRINTED;
        }
        if (ruleFormat != RuleFormat.XFRM && ruleFormat != RuleFormat.STRONGSWAN) {
            throw new UsageException("--side is for the IPsec formats xfrm and strongswan, not " + ruleFormat.text());
        }
        return Side.parseList(side);
    }

    private void checkChangeable(RuleFormat ruleFormat) {
        if (apply && remove) {
            throw new UsageException("--apply and --remove together; give one of them");
        }
        if (!ruleFormat.appliable()) {
            throw new UsageException((apply ? "--apply" : "--remove") + " takes nftables, iptables or xfrm, not "
                    + ruleFormat.text() + "; print those rules (without " + (apply ? "--apply" : "--remove")
                    + ") and run them where they belong");
        }
        if (!ThisMachine.isLinux()) {
            throw new FirewallException("--apply and --remove change a Linux firewall; this is "
                    + System.getProperty("os.name") + ": print the rules instead");
        }
        if (!ThisMachine.isRoot()) {
            throw new FirewallException("--apply and --remove change the firewall and need root; run it with sudo");
        }
    }

    private static void print(PrintWriter out, Command command) {
        out.println(command.line());
        command.stdin().lines().forEach(line -> out.println("  " + line));
    }
}
