package dev.kdnet.host.cli;

import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.session.HostConfig;
import dev.kdnet.protocol.args.Ipv4Argument;
import dev.kdnet.protocol.args.KeySource;
import dev.kdnet.protocol.args.LocalAddress;
import dev.kdnet.protocol.args.PortArgument;
import dev.kdnet.protocol.args.PortRange;
import dev.kdnet.protocol.args.UsageException;
import dev.kdnet.protocol.args.WindbgConnection;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.netty.UdpTransport;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kdnet host listen}: waits for a target on a UDP port, attaches, and runs debugger commands: from
 * {@code -c}, from {@code --script}, or at an interactive prompt.
 */
@Command(name = "listen", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Wait for a KDNET target, attach to it and debug it: interactively (history, Tab completion, Ctrl-C"
                    + " breaks in during g), or with -c / --script.",
            ""},
        footer = {
            "",
            "Commands at the prompt use WinDbg's spelling, for example:",
            "  vertarget; r; db nt L80; bp nt+1010; bl; g; t; lm; ~1s; .kdstats; q",
            "  .writemem FILE ADDR L?SIZE and .dumpphys FILE ADDR L?SIZE (to files)",
            "The command .help (or ?) lists them all.",
            "With -c or --script the exit code is 0 only if every command succeeded; if no target attaches within"
                    + " --wait, the host says why and exits 1.",
            "",
            "Examples:",
            "  ./kdnet host listen --port 50000 --key 1.2.3.4",
            "  ./kdnet host listen -k net:port=50000,key=1.2.3.4 -c \"vertarget; r; db nt L80; q\""})
final class ListenCommand implements Callable<Integer> {
    /** The port when neither --port nor --ports is given: the first of the recommended range 50000-50039. */
    static final int DEFAULT_PORT = 50000;
    private static final String ALL_ADDRESSES = "0.0.0.0";

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", description = "The UDP port to listen on (default 50000).")
    private String port;

    @Option(names = "--ports", paramLabel = "FIRST-LAST",
            description = "Listen on a range of ports and attach to every target that comes: .targets lists them,"
                    + " .target P switches, the prompt shows [P].")
    private String ports;

    @Mixin
    private KeyOptions keyOptions;

    @Option(names = "-k", paramLabel = "net:port=P,key=K",
            description = "WinDbg's form of --port and --key (optionally ,target=IP); without key= the key comes"
                    + " from --key-file or KDNET_KEY.")
    private String windbg;

    @Option(names = "--bind", paramLabel = "ADDR", description = "The local IPv4 address to listen on"
            + " (default: all).")
    private String bind;

    @Option(names = "--target", paramLabel = "IP",
            description = "A target already running there: contact it at once instead of waiting for its poke.")
    private String target;

    @Option(names = "-c", paramLabel = "COMMANDS", description = "Run these commands (separated by ;) and exit.")
    private String commands;

    @Option(names = "--script", paramLabel = "FILE", description = "Run the commands of FILE, one per line.")
    private Path script;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "30",
            description = "With -c or --script: how long to wait for a target (default 30).")
    private int waitSeconds;

    @Option(names = "--wait-stop", paramLabel = "DURATION", defaultValue = WaitStopArgument.FOREVER,
            description = "With -c or --script: how long g waits for the next stop, such as 30s or 5m (default"
                    + " forever); then the script goes on, and the command .breakin stops the target.")
    private String waitStop;

    @Mixin
    private LogOptions logOptions;

    @Override
    public Integer call() throws Exception {
        Connection connection = connection();
        Optional<Duration> stopWait = WaitStopArgument.parse(waitStop);
        List<String> lines = scriptLines();
        Duration wait = waitDuration();
        HostConfig config = HostConfig.of(connection.key(), connection.ports())
                .withBindAddress(bindAddress());
        if (connection.target().isPresent()) {
            config = config.withKnownTarget(connection.target().get());
        }
        try (HostLog log = HostLog.start(logOptions, spec.commandLine().getErr());
                UdpTransport transport = UdpTransport.create(1);
                DebuggerHost host = DebuggerHost.start(transport, config, DebuggerSettings.defaults())) {
            DebugSession session = new DebugSession(host, spec.commandLine().getOut(), spec.commandLine().getErr(),
                    log);
            return lines == null ? session.interactive() : session.run(lines, wait, stopWait);
        }
    }

    /** The ports, key and target from --port/--ports/--key/--target or from -k. */
    private record Connection(List<Integer> ports, KdnetKey key, Optional<Inet4Address> target) {
    }

    private Connection connection() {
        if (windbg != null) {
            if (keyOptions.onCommandLine() || port != null || ports != null) {
                throw new UsageException("-k replaces --port, --ports and --key; give one form");
            }
            WindbgConnection k = WindbgConnection.parse(windbg, keyOptions.file());
            return new Connection(List.of(k.port()), k.key(), k.target().or(this::targetOption));
        }
        KdnetKey chosenKey = keyOptions.resolve().orElseThrow(() -> new UsageException("no key: "
                + KeySource.HOW + " (the target's bcdedit key; ./kdnet host keygen makes one)"));
        if (port != null && ports != null) {
            throw new UsageException("--port and --ports exclude each other; give one");
        }
        List<Integer> chosen = ports != null ? PortRange.parse(ports).ports()
                : List.of(port == null ? DEFAULT_PORT : PortArgument.parse(port));
        return new Connection(chosen, chosenKey, targetOption());
    }

    private Optional<Inet4Address> targetOption() {
        return Optional.ofNullable(target).map(ip -> Ipv4Argument.parse("--target", ip));
    }

    private InetAddress bindAddress() {
        return LocalAddress.check("--bind", Ipv4Argument.parse("--bind", bind == null ? ALL_ADDRESSES : bind));
    }

    private Duration waitDuration() {
        if (waitSeconds < 0) {
            throw new UsageException("--wait " + waitSeconds + " is negative; give the seconds to wait for a target,"
                    + " 0 or more");
        }
        return Duration.ofSeconds(waitSeconds);
    }

    private List<String> scriptLines() {
        if (commands != null && script != null) {
            throw new UsageException("-c and --script exclude each other; give one");
        }
        if (commands != null) {
            return Arrays.stream(commands.split(";")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        }
        if (script == null) {
            return null;
        }
        try {
            return Files.readAllLines(script);
        } catch (IOException e) {
            throw new UsageException("cannot read script " + script + ": " + e.getMessage());
        }
    }
}
