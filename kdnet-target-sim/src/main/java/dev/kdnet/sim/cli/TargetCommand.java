package dev.kdnet.sim.cli;

import dev.kdnet.protocol.args.BusParams;
import dev.kdnet.protocol.args.DbgSettings;
import dev.kdnet.protocol.args.DurationText;
import dev.kdnet.protocol.args.Ipv4Argument;
import dev.kdnet.protocol.args.KeySetupLines;
import dev.kdnet.protocol.args.KeySource;
import dev.kdnet.protocol.args.PortArgument;
import dev.kdnet.protocol.args.PortRange;
import dev.kdnet.protocol.args.UsageException;
import dev.kdnet.protocol.cli.ProjectVersion;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.netty.UdpSocketOptions;
import dev.kdnet.sim.doctor.PathVerdict;
import dev.kdnet.sim.doctor.TargetDoctor;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options of {@code ./kdnet target}, checked into {@link TargetOptions} and handed to a launcher. */
@Command(name = "./kdnet target", sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = ProjectVersion.class,
        description = {
            "A simulated Windows x64 target that a kernel debugger reaches over KDNET (encrypted UDP).",
            "Configure it as you would a Windows machine with bcdedit /dbgsettings net: either"
                    + " --hostip, --port and --key, or the same as one --dbgsettings string.",
            ""},
        footer = {
            "",
            "Examples (K: a key from --newkey):",
            "  ./kdnet target --hostip 192.168.1.10 --port 50000 --key K",
            "  ./kdnet target --dbgsettings \"net hostip:192.168.1.10 port:50000 key:K\"",
            "  ./kdnet target --hostip 192.168.1.10 --ports 50000-50039 --key K",
            "  ./kdnet target --hostip 192.168.1.10 --port 50000 --key K --doctor --for 30s"})
final class TargetCommand implements Callable<Integer> {
    /** Exit code of a usage mistake. */
    static final int USAGE = UsageException.EXIT_CODE;
    /** The port --newkey prints when none is given, the first of the recommended range 50000-50039. */
    static final int DEFAULT_PORT = 50000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--hostip", paramLabel = "IPv4",
            description = "The debugger host's IPv4 address (bcdedit hostip). Pokes go to it.")
    private String hostIp;

    @Option(names = "--port", paramLabel = "P",
            description = "The UDP port, used on both sides (bcdedit port); 49152-65535, usually 50000-50039.")
    private String port;

    @Option(names = "--ports", paramLabel = "FIRST-LAST",
            description = "Run one target per port of the range, e.g. 50000-50039, instead of --port.")
    private String ports;

    @Option(names = "--key", paramLabel = "w.x.y.z",
            description = "The KDNET key: four base-36 parts (bcdedit key). --newkey makes one. Every user sees it"
                    + " through ps: prefer --key-file or KDNET_KEY.")
    private String key;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Read the key from FILE, which only you may read (chmod 600). Without --key and"
                    + " --key-file the key comes from the environment variable KDNET_KEY.")
    private Path keyFile;

    @Option(names = "--dbgsettings", paramLabel = "\"net hostip:IP port:P key:K\"",
            description = "The bcdedit /dbgsettings words in one string: net, hostip:, port:, key:,"
                    + " optionally nodhcp and busparams:b.d.f. Replaces --hostip, --port and --key; without key:"
                    + " the key comes from --key-file or KDNET_KEY.")
    private String dbgSettings;

    @Option(names = "--local-ip", paramLabel = "IPv4",
            description = "The target's own address to bind. Default: the local address that routes to the host.")
    private String localIp;

    @Option(names = "--newkey",
            description = "Print a fresh random key and the bcdedit, host, WinDbg and target lines that use it"
                    + " (as ./kdnet host keygen does; --hostip, --port and --local-ip shape them), then exit.")
    private boolean newKey;

    @Option(names = "--busparams", paramLabel = "b.d.f",
            description = "PCI bus.device.function of the debugging NIC (bcdedit busparams). Accepted and"
                    + " reported; the simulator has no PCI bus.")
    private String busParams;

    @Option(names = "--build", paramLabel = "N", defaultValue = "" + KernelSettings.DEFAULT_BUILD,
            description = "The Windows build the simulated kernel reports (default: ${DEFAULT-VALUE}).")
    private int build;

    @Option(names = "--cpus", paramLabel = "N", defaultValue = "" + KernelSettings.DEFAULT_CPUS,
            description = "Number of processors of the simulated kernel (default: ${DEFAULT-VALUE}).")
    private int cpus;

    @Option(names = "--print-interval", paramLabel = "MS", defaultValue = "0",
            description = "While running, DbgPrint a message every MS milliseconds (default: 0, none).")
    private long printIntervalMillis;

    @Option(names = "--print-text", paramLabel = "TEXT", defaultValue = "Hello from the simulated target",
            description = "The text of those DbgPrint messages (default: ${DEFAULT-VALUE}).")
    private String printText;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the load region's contents (physical 0x8000000-0xFFFFFFF, 128 MiB), which"
                    + " ./kdnet load checks every byte it reads against (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--ttl", paramLabel = "N", defaultValue = "" + UdpSocketOptions.TARGET_TTL,
            description = "Testing aid: the IP TTL of the target's datagrams (default: ${DEFAULT-VALUE}, as"
                    + " Windows sends). Change it only to test hop limits.")
    private int ttl;

    @Option(names = "--udp-checksum",
            description = "Send a computed UDP checksum. By default the target sends checksum 0, as Windows does"
                    + " (every datagram of a real target's capture has 0); firewalls and NICs can treat the two"
                    + " differently.")
    private boolean udpChecksum;

    @Option(names = "--doctor",
            description = "Check the path to the host: run one target for a bounded time (--for) and print one"
                    + " line saying what happened to its datagrams: a session came up, which ICMP error came back"
                    + " from where (port unreachable, time exceeded, ...), or that they vanish silently. The line"
                    + " starts \"" + PathVerdict.PREFIX + "path OK:\" or \"" + PathVerdict.PREFIX + "no answer\""
                    + " (docs/target.md lists them all). Exit code 0 when a session came up, 1 otherwise. Needs"
                    + " --port (one port).")
    private boolean doctor;

    @Option(names = "--for", paramLabel = "DURATION",
            description = "With --doctor: the longest it tries, e.g. 20s, 500ms, 2m (default: 20s). It stops as"
                    + " soon as a session comes up.")
    private String doctorFor;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--version", versionHelp = true, description = "Print the version and exit.")
    private boolean version;

    private final TargetLauncher launcher;

    /** A command that hands its checked options to {@code launcher}. */
    TargetCommand(TargetLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (newKey) {
                printNewKey(spec.commandLine().getOut());
                return 0;
            }
            return launcher.launch(options(err));
        } catch (UsageException e) {
            err.println(TargetMain.PREFIX + e.getMessage());
            return USAGE;
        }
    }

    /** Checks the options; warnings go to {@code err}. */
    private TargetOptions options(PrintWriter err) {
        if (ttl < 1 || ttl > 255) {
            throw new UsageException("--ttl " + ttl + " is outside 1-255");
        }
        if (port != null && ports != null) {
            throw new UsageException("--port and --ports exclude each other; give one");
        }
        if (doctorFor != null && !doctor) {
            throw new UsageException("--for " + doctorFor + " only bounds --doctor; add --doctor or drop --for");
        }
        TargetOptions options = dbgSettings != null ? fromDbgSettings() : fromSeparateOptions();
        if (doctor && options.ports().ports().size() > 1) {
            throw new UsageException("--doctor checks one port; give --port P instead of --ports " + options.ports());
        }
        if (options.ports().leavesDynamicRange()) {
            String which = (options.ports().ports().size() == 1 ? "port " : "ports ") + options.ports();
            err.println(TargetMain.PREFIX + "warning: " + which + " is outside "
                    + PortArgument.DYNAMIC_FIRST + "-" + PortArgument.LAST + ", where KDNET ports come from (50000-50039 recommended)");
        }
        return options;
    }

    private TargetOptions fromDbgSettings() {
        String duplicate = hostIp != null ? "--hostip" : port != null ? "--port" : ports != null ? "--ports"
                : key != null ? "--key" : null;
        if (duplicate != null) {
            throw new UsageException("--dbgsettings already gives hostip, port and key; drop " + duplicate);
        }
        DbgSettings settings = DbgSettings.parse(dbgSettings, keyFile);
        if (busParams != null && settings.busParams().isPresent()) {
            throw new UsageException("busparams is given twice: in --dbgsettings and as --busparams");
        }
        Optional<BusParams> bus = settings.busParams().or(this::busParamsOption);
        return options(settings.key(), settings.hostIp(), PortRange.single(settings.port()), bus,
                settings.noDhcp());
    }

    private TargetOptions fromSeparateOptions() {
        if (hostIp == null) {
            throw new UsageException("no host: give --hostip IPv4 (or --dbgsettings \"net hostip:... port:..."
                    + " key:...\")");
        }
        if (port == null && ports == null) {
            throw new UsageException("no port: give --port P (or --ports FIRST-LAST)");
        }
        KdnetKey chosenKey = KeySource.resolve(key, keyFile).orElseThrow(() -> new UsageException("no key: "
                + KeySource.HOW + " (./kdnet target --newkey makes one)"));
        Inet4Address host = Ipv4Argument.parse("hostip", hostIp);
        PortRange range = port != null ? PortRange.single(PortArgument.parse(port)) : PortRange.parse(ports);
        return options(chosenKey, host, range, busParamsOption(), false);
    }

    private TargetOptions options(KdnetKey parsedKey, Inet4Address host, PortRange range, Optional<BusParams> bus,
            boolean noDhcp) {
        Optional<Inet4Address> local = Optional.ofNullable(localIp).map(ip -> Ipv4Argument.parse("--local-ip", ip));
        KernelSettings kernel = new KernelSettings(build, cpus, Duration.ofMillis(printIntervalMillis), printText,
                seed);
        return new TargetOptions(parsedKey, host, range, local, ttl, !udpChecksum, bus, noDhcp, kernel,
                doctor ? Optional.of(doctorLimit()) : Optional.empty());
    }

    private Duration doctorLimit() {
        if (doctorFor == null) {
            return TargetDoctor.DEFAULT_LIMIT;
        }
        Duration limit;
        try {
            limit = DurationText.parse("--for", doctorFor);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (limit.isZero()) {
            throw new UsageException("--for " + doctorFor + " gives the doctor no time; give e.g. 20s");
        }
        return limit;
    }

    private Optional<BusParams> busParamsOption() {
        return Optional.ofNullable(busParams).map(BusParams::parse);
    }

    private void printNewKey(PrintWriter out) {
        int shownPort = port != null ? PortArgument.parseKdnet(port) : DEFAULT_PORT;
        Optional<Inet4Address> host = Optional.ofNullable(hostIp).map(ip -> Ipv4Argument.parse("--hostip", ip));
        Optional<Inet4Address> local = Optional.ofNullable(localIp).map(ip -> Ipv4Argument.parse("--local-ip", ip));
        KeySetupLines.of(KdnetKey.generate(), shownPort, host, local).forEach(out::println);
    }
}
