package dev.kdnet.host.cli;

import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.load.LoadSettings;
import dev.kdnet.host.session.HostConfig;
import dev.kdnet.protocol.args.Ipv4Argument;
import dev.kdnet.protocol.args.KeySource;
import dev.kdnet.protocol.args.LocalAddress;
import dev.kdnet.protocol.args.PortRange;
import dev.kdnet.protocol.args.UsageException;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.netty.UdpTransport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kdnet host load}: the load test against targets that already run elsewhere (simulators on other
 * machines, or a real Windows target). It only reads: nothing is written into a target.
 */
@Command(name = HostLoadCommand.NAME, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Load-test the KDNET transport against targets already running (simulated targets on this"
                + " or other machines, or a real Windows target) on UDP ports P-Q: MB/s, requests/s, latency"
                + " percentiles, retransmits, drops, host CPU and heap.",
            "Read-only unless --allow-writes: the write and mixed workloads are refused without it, so a real"
                + " kernel's memory is only read. Bytes read are checked against the simulators' seeded memory (give"
                + " their --seed) unless --no-check, which a real target needs.",
            "Exit status: 0 when every session lasted and every byte checked was right, 1 otherwise, 2 for bad"
                + " options."})
final class HostLoadCommand implements Callable<Integer> {
    /** The subcommand's name. */
    static final String NAME = "load";
    private static final String ALL_ADDRESSES = "0.0.0.0";

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "P[-Q]", required = true,
            description = "The targets' UDP port or port range, one target per port (bcdedit port).")
    private String port;

    @Mixin
    private KeyOptions keyOptions;

    @Option(names = "--bind", paramLabel = "IPv4",
            description = "This machine's address to listen on (default: every address).")
    private String bind;

    @Option(names = "--no-check",
            description = "Do not compare the bytes read with the simulators' seeded memory (needed for a real"
                    + " target, whose memory is its own).")
    private boolean noCheck;

    @Option(names = "--allow-writes",
            description = "Allow the write and mixed workloads, which write into physical memory at 0x4000000-"
                    + "0x40FFFFF (the simulators' scratch region). Never against a real kernel.")
    private boolean allowWrites;

    @Mixin
    private LoadOptions loadOptions;

    @Mixin
    private LogOptions logOptions;

    /**
     * Takes {@code --no-baseline} out of the shared load options: against targets elsewhere there is no baseline to
     * skip (docs/load.md says why).
     */
    static void withoutBaseline(CommandLine load) {
        load.getCommandSpec().remove(load.getCommandSpec().findOption("--no-baseline"));
    }

    @Override
    public Integer call() throws Exception {
        LoadSettings settings = loadOptions.settings(!noCheck);
        if (settings.workload().writes() && !allowWrites) {
            throw new UsageException("--workload " + settings.workload().optionName() + " writes into the targets;"
                    + " add --allow-writes if they are simulators (never a real kernel)");
        }
        List<Integer> ports = PortRange.parse(port).ports();
        KdnetKey chosenKey = keyOptions.resolve().orElseThrow(() -> new UsageException("no key: "
                + KeySource.HOW + " (the targets' bcdedit key)"));
        HostConfig config = HostConfig.of(chosenKey, ports).withBindAddress(LocalAddress.check("--bind",
                Ipv4Argument.parse("--bind", bind == null ? ALL_ADDRESSES : bind)));
        PrintWriter err = spec.commandLine().getErr();
        try (HostLog log = HostLog.start(logOptions, err);
                UdpTransport transport = UdpTransport.create(Runtime.getRuntime().availableProcessors());
                DebuggerHost host = DebuggerHost.start(transport, config,
                        LoadOptions.debuggerSettings(settings, false))) {
            err.println("load: waiting for " + ports.size() + " target(s) on UDP " + config.portsText()
                    + " (key fp " + chosenKey.fingerprint() + ")");
            err.flush();
            return loadOptions.attachRunAndReport(host, settings, ports, List::of, duration -> Optional.empty(),
                    spec.commandLine().getOut(), err);
        }
    }
}
