package dev.kdnet.host.shell;

import dev.kdnet.host.api.KernelVersion;
import dev.kdnet.host.api.TargetState;
import dev.kdnet.host.api.TargetStatus;
import dev.kdnet.protocol.AddressText;
import java.io.PrintWriter;
import java.util.List;

/**
 * Commands over the targets of a host that listens on several ports: {@code .targets} lists them (port, address,
 * build, state, round trip; {@code .} marks the current one), {@code .target P} makes the target on UDP P current.
 */
final class TargetCommands {
    private static final String NONE = "-";

    private TargetCommands() {
    }

    static void register(Shell shell) {
        shell.add(".targets", "the targets: port, address, build, state, round trip (. marks the current one)",
                TargetCommands::list);
        shell.add(".target", ".target P: debug the target on UDP port P", TargetCommands::select);
    }

    private static void list(Shell shell, List<String> args) {
        int current = shell.debugger().port();
        List<TargetStatus> targets = shell.targets().list();
        PrintWriter out = shell.out();
        out.printf("    %-5s  %-21s  %-5s  %-9s  %s%n", "port", "address", "build", "state", "RTT");
        long waiting = 0;
        for (TargetStatus target : targets) {
            if (target.state() == TargetState.WAITING) {
                waiting++;
            } else {
                out.println(line(target, target.port() == current));
            }
        }
        if (waiting > 0) {
            out.printf("%d port%s without a target%n", waiting, waiting == 1 ? "" : "s");
        }
    }

    /** One row of {@code .targets}. */
    static String line(TargetStatus target, boolean current) {
        return String.format("%s  %-5d  %-21s  %-5s  %-9s  %s", current ? " ." : "  ", target.port(),
                target.address().map(AddressText::of).orElse(NONE),
                target.version().map(KernelVersion::buildNumber).map(String::valueOf).orElse(NONE),
                target.state().text(),
                target.rtt().map(rtt -> String.format("%.3f ms", rtt.toNanos() / 1e6)).orElse(NONE));
    }

    private static void select(Shell shell, List<String> args) {
        if (args.size() != 1 || !args.get(0).matches("\\d{1,5}")) {
            throw new ShellException(".target needs the UDP port of a target, e.g. .target 50001 (.targets lists"
                    + " them)");
        }
        shell.targets().select(Integer.parseInt(args.get(0)));
    }
}
