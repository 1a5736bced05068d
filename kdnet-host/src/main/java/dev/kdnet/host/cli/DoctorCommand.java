package dev.kdnet.host.cli;

import dev.kdnet.host.doctor.DoctorReport;
import dev.kdnet.host.doctor.FixRules;
import dev.kdnet.host.doctor.HostDoctor;
import dev.kdnet.protocol.args.DurationText;
import dev.kdnet.protocol.args.Ipv4Argument;
import dev.kdnet.protocol.args.LocalAddress;
import dev.kdnet.protocol.args.PortRange;
import dev.kdnet.protocol.args.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./kdnet host doctor}: says why no target attaches to a port, from what arrives and this machine's rules. */
@Command(name = "doctor", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Listen on UDP ports for a while WITHOUT answering (a host started later finds the target as it was)"
                    + " and say why no session comes up: per source, the datagrams seen, KDNET or not, the HMAC"
                    + " verdict with the key, how many routers away (from the IP TTL, which a KDNET target sets to"
                    + " 16), a link-local (APIPA) source, and what the target's pokes say about its settings. Also"
                    + " reads this machine's nftables (nft -a list ruleset), iptables (iptables-save) and IPsec"
                    + " (ip xfrm policy) state for rules that drop, reject or require ESP for the ports. Ends with"
                    + " one verdict line (\"verdict: ...\") ending, where known, with the fix (\"; fix: ./kdnet"
                    + " rules ... --apply\"), and below it the rules that command applies, indented.",
            "Without a key (--key, --key-file or KDNET_KEY) the HMAC is \"not checked\".",
            "A target configured for a port outside --port is not seen: widen the range.",
            ""},
        footer = {
            "",
            "Exit code: 0 if a KDNET target with the right key was seen, 1 otherwise, 2 for bad usage.",
            "",
            "Examples:",
            "  ./kdnet host doctor --port 50000 --key-file key.txt",
            "  KDNET_KEY=1.2.3.4 ./kdnet host doctor --port 50000-50039 --for 10s"})
final class DoctorCommand implements Callable<Integer> {
    /** How long the doctor listens unless told: ten of a target's 3-second pokes. */
    static final String DEFAULT_FOR = "30s";

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "P[-Q]", defaultValue = "50000",
            description = "The UDP port or range to listen on (default ${DEFAULT-VALUE}).")
    private String port;

    @Mixin
    private KeyOptions keyOptions;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "0.0.0.0",
            description = "The local IPv4 address to listen on (default ${DEFAULT-VALUE}, every address).")
    private String bind;

    @Option(names = "--for", paramLabel = "DURATION", defaultValue = DEFAULT_FOR,
            description = "How long to listen: e.g. 30s, 500ms, 2m (default ${DEFAULT-VALUE}; a target pokes every"
                    + " 3 s).")
    private String duration;

    @Override
    public Integer call() {
        PortRange ports = PortRange.parse(port);
        Inet4Address address = LocalAddress.check("--bind", Ipv4Argument.parse("--bind", bind));
        Duration listen = listenTime();
        HostDoctor doctor = new HostDoctor(address, ports, keyOptions.resolve(), listen,
                FixRules.generated());
        PrintWriter out = spec.commandLine().getOut();
        out.println("listening on UDP " + ports + " for " + duration + " without answering...");
        out.flush();
        DoctorReport report;
        try {
            report = doctor.run();
        } catch (IOException e) {
            spec.commandLine().getErr().println(HostMain.PREFIX + e.getMessage());
            return 1;
        }
        report.lines().forEach(out::println);
        out.println(report.verdict());
        report.fix().forEach(out::println);
        out.flush();
        return report.targetVerified() ? 0 : 1;
    }

    private Duration listenTime() {
        Duration listen;
        try {
            listen = DurationText.parse("--for", duration);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (listen.isZero()) {
            throw new UsageException("--for " + duration + " listens for no time; give e.g. 30s");
        }
        return listen;
    }
}
