package dev.kdnet.host.shell;

import dev.kdnet.host.api.KernelVersion;
import dev.kdnet.host.api.ModuleInfo;
import dev.kdnet.host.session.SessionStats;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.protocol.link.KdLinkStats;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Commands that show the target: {@code vertarget}, {@code r}, {@code lm}, {@code ~N}, {@code .kdstats}. */
final class InspectionCommands {
    private static final List<List<X64Register>> REGISTER_ROWS = List.of(
            List.of(X64Register.RAX, X64Register.RBX, X64Register.RCX),
            List.of(X64Register.RDX, X64Register.RSI, X64Register.RDI),
            List.of(X64Register.RIP, X64Register.RSP, X64Register.RBP),
            List.of(X64Register.R8, X64Register.R9, X64Register.R10),
            List.of(X64Register.R11, X64Register.R12, X64Register.R13),
            List.of(X64Register.R14, X64Register.R15));

    private InspectionCommands() {
    }

    static void register(Shell shell) {
        shell.add("vertarget", "the target's Windows product, build and kernel base, and what could not be read", InspectionCommands::vertarget);
        shell.add("r", "registers of the current CPU; r REG shows one, r REG=VALUE sets it", InspectionCommands::r);
        shell.add("lm", "loaded modules (PsLoadedModuleList)", InspectionCommands::lm);
        shell.add("~", "~N: make CPU N the current one", (s, args) -> s.printStop(s.debugger().switchCpu(
                CpuNumber.parse(args.isEmpty() ? "0" : args.get(0), s.debugger().stop().cpuCount()))));
        shell.add(".kdstats", "transport statistics: datagrams, retransmits, drops by reason, RTT",
                InspectionCommands::kdstats);
    }

    private static void vertarget(Shell shell, List<String> args) {
        KernelVersion v = shell.debugger().version();
        PrintWriter out = shell.out();
        out.printf("%s Kernel Version %d %s (%d procs) %s x64%n", v.product(), v.buildNumber(),
                (v.flags() & 1) != 0 ? "MP" : "UP", shell.debugger().stop().cpuCount(),
                (v.majorVersion() & 0xFF) == 0x0C ? "Checked" : "Free");
        if (!v.ntBuildLab().isEmpty()) {
            out.println("Built by: " + v.ntBuildLab());
        }
        out.println("Kernel base = 0x" + Hex.address(v.kernelBase()) + " PsLoadedModuleList = 0x"
                + Hex.address(v.psLoadedModuleList()));
        if (v.debuggerDataBlock() != 0) {
            out.printf("KD protocol %d.%d, machine %04x, KDDEBUGGER_DATA64 at %s (%#x bytes)%n",
                    v.protocolVersion(), v.kdSecondaryVersion(), v.machineType(), Hex.address(v.debuggerDataBlock()),
                    v.debuggerDataSize());
        } else {
            out.printf("KD protocol %d.%d, machine %04x%n", v.protocolVersion(), v.kdSecondaryVersion(),
                    v.machineType());
        }
        v.unread().forEach(what -> out.println("Could not read: " + what));
    }

    private static void r(Shell shell, List<String> args) {
        int cpu = shell.currentCpu();
        if (!args.isEmpty() && args.get(0).contains("=")) {
            String[] assignment = String.join("", args).split("=", 2);
            long value = shell.expression().evaluate(assignment[1]);
            shell.debugger().setRegister(cpu, Shell.register(assignment[0].strip()), value);
            return;
        }
        X64Context context = shell.debugger().context(cpu);
        PrintWriter out = shell.out();
        if (!args.isEmpty()) {
            for (String name : args) {
                X64Register register = Shell.register(name);
                out.println(register.registerName() + "=" + Hex.u64(context.get(register)));
            }
            return;
        }
        for (List<X64Register> row : REGISTER_ROWS) {
            StringBuilder line = new StringBuilder();
            for (X64Register register : row) {
                line.append(line.length() == 0 ? "" : " ")
                        .append(String.format("%3s=%s", register.registerName(), Hex.u64(context.get(register))));
            }
            out.println(line);
        }
        out.printf("cs=%04x  ss=%04x  ds=%04x  es=%04x  fs=%04x  gs=%04x             efl=%08x%n",
                context.get(X64Register.CS), context.get(X64Register.SS), context.get(X64Register.DS),
                context.get(X64Register.ES), context.get(X64Register.FS), context.get(X64Register.GS),
                context.get(X64Register.EFLAGS));
    }

    private static void lm(Shell shell, List<String> args) {
        PrintWriter out = shell.out();
        out.println("start             end                 module name");
        for (ModuleInfo module : shell.debugger().modules()) {
            out.printf("%s %s   %-12s %s%n", Hex.address(module.base()), Hex.address(module.base() + module.size()),
                    ModuleNames.shortName(module), module.fullName());
        }
    }

    private static void kdstats(Shell shell, List<String> args) {
        SessionStats stats = shell.debugger().stats();
        PrintWriter out = shell.out();
        out.printf("UDP port %d: %d datagrams in, %d out, %d handshakes, %d keepalive pokes ignored%n", stats.port(),
                stats.datagramsIn(), stats.datagramsOut(), stats.handshakes(), stats.keepalives());
        out.println("drops: " + (stats.drops().isEmpty() ? "none" : stats.drops().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().description() + " " + e.getValue()).collect(Collectors.joining(", "))));
        stats.link().ifPresent(link -> printLink(out, link));
    }

    private static void printLink(PrintWriter out, KdLinkStats link) {
        out.printf("KD: %d packets sent, %d retransmits, %d timeouts, %d given up, %d delivered, %d duplicates,"
                        + " %d bad, %d RESEND in / %d out, %d RESET in / %d out%n", link.dataSent(), link.retransmits(),
                link.timeouts(), link.gaveUp(), link.delivered(), link.duplicates(), link.badPackets(),
                link.resendsReceived(), link.resendsSent(), link.resetsReceived(), link.resetsSent());
        out.printf("RTT: %d samples, smoothed %.3f ms (min %.3f, max %.3f), retransmit timeout %.1f ms;"
                + " %d resends found spurious%n", link.rttSamples(), link.srttMicros() / 1000.0,
                link.minRttMicros() / 1000.0, link.maxRttMicros() / 1000.0, link.rtoMicros() / 1000.0,
                link.spuriousRetransmits());
    }
}
