package dev.kdnet.host.cli;

import dev.kdnet.protocol.args.Ipv4Argument;
import dev.kdnet.protocol.args.KeySetupLines;
import dev.kdnet.protocol.args.PortArgument;
import dev.kdnet.protocol.key.KdnetKey;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kdnet host keygen}: a fresh random key and the command lines that use it. This is the one place the
 * host prints a key, because the user asked for it; it is never logged.
 */
@Command(name = "keygen", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Make a fresh key and print the bcdedit, host, WinDbg and simulated-target lines that use it.",
            "Run the bcdedit line on the Windows target (as administrator), then reboot it; start the host with the"
                    + " host line. The key is printed, never logged: keep it like a password.",
            "The target line starts a simulated target; without --hostip it is the one-machine setup (host on"
                    + " 127.0.0.1, target on 127.0.0.2). ./kdnet target --newkey prints the same lines.",
            ""},
        footer = {
            "",
            "Example:",
            "  ./kdnet host keygen --port 50000 --hostip 192.168.1.10"})
final class KeygenCommand implements Callable<Integer> {
    /** The port when none is given: the first of the recommended range 50000-50039. */
    static final int DEFAULT_PORT = 50000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + DEFAULT_PORT,
            description = "The UDP port, the same on both sides; 49152-65535, usually 50000-50039"
                    + " (default: ${DEFAULT-VALUE}).")
    private String port;

    @Option(names = "--hostip", paramLabel = "IPv4",
            description = "This debugger host's IPv4 address as the target reaches it (bcdedit hostip)."
                    + " Default: a placeholder in the bcdedit line, 127.0.0.1 in the target line.")
    private String hostIp;

    @Option(names = "--local-ip", paramLabel = "IPv4",
            description = "The simulated target's own address (target line). Default: 127.0.0.2 beside a host on"
                    + " 127.0.0.1, the one-machine setup; a placeholder beside a host off loopback.")
    private String localIp;

    @Override
    public Integer call() {
        int port = PortArgument.parseKdnet(this.port);
        Optional<Inet4Address> host = Optional.ofNullable(hostIp).map(ip -> Ipv4Argument.parse("--hostip", ip));
        Optional<Inet4Address> local = Optional.ofNullable(localIp).map(ip -> Ipv4Argument.parse("--local-ip", ip));
        PrintWriter out = spec.commandLine().getOut();
        KeySetupLines.of(KdnetKey.generate(), port, host, local).forEach(out::println);
        return 0;
    }
}
