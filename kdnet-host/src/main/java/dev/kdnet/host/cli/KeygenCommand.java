package dev.kdnet.host.cli;

import dev.kdnet.protocol.args.Ipv4Argument;
import dev.kdnet.protocol.args.PortArgument;
import dev.kdnet.protocol.key.KdnetKey;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kdnet host keygen}: a fresh random key and the four command lines that use it. This is the one place the
 * host prints a key, because the user asked for it; it is never logged.
 */
@Command(name = "keygen", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Make a fresh key and print the bcdedit, host, WinDbg and simulated-target lines that use it.",
            "Run the bcdedit line on the Windows target (as administrator), then reboot it; start the host with the"
                    + " host line. The key is printed, never logged: keep it like a password.",
            ""},
        footer = {
            "",
            "Example:",
            "  ./kdnet host keygen --port 50000 --hostip 192.168.1.10"})
final class KeygenCommand implements Callable<Integer> {
    /** The port when none is given: the first of the recommended range 50000-50039. */
    static final int DEFAULT_PORT = 50000;
    /** What the lines show for the host address when --hostip is not given. */
    static final String HOST_PLACEHOLDER = "<this machine's IPv4>";

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + DEFAULT_PORT,
            description = "The UDP port, the same on both sides; 49152-65535, usually 50000-50039"
                    + " (default: ${DEFAULT-VALUE}).")
    private String port;

    @Option(names = "--hostip", paramLabel = "IPv4",
            description = "This debugger host's IPv4 address as the target reaches it (bcdedit hostip)."
                    + " Default: a placeholder to fill in.")
    private String hostIp;

    @Override
    public Integer call() {
        int port = PortArgument.parseKdnet(this.port);
        String host = hostIp != null ? Ipv4Argument.parse("--hostip", hostIp).getHostAddress() : HOST_PLACEHOLDER;
        String key = KdnetKey.generate().format();
        PrintWriter out = spec.commandLine().getOut();
        out.println("key:     " + key);
        out.println("bcdedit: bcdedit /dbgsettings net hostip:" + host + " port:" + port + " key:" + key);
        out.println("host:    ./kdnet host listen --port " + port + " --key " + key);
        out.println("WinDbg:  windbg -k net:port=" + port + ",key=" + key);
        out.println("target:  ./kdnet target --hostip " + host + " --port " + port + " --key " + key);
        return 0;
    }
}
