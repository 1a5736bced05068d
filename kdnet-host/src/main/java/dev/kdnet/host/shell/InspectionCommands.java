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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Commands that show the target: {@code vertarget}, {@code r}, {@code lm}, {@code ~Ns}, {@code .kdstats}. */
final class InspectionCommands {
    /** {@code ~1s}, {@code ~1}: a decimal CPU number, optionally followed by {@code s}. */
    private static final Pattern CPU_SWITCH = Pattern.compile("(\\d{1,4})s?", Pattern.CASE_INSENSITIVE);

    private InspectionCommands() {
    }

    static void register(Shell shell) {
        shell.add("vertarget", "the target's Windows product, build and kernel base, and what could not be read", InspectionCommands::vertarget);
        shell.add("r", "registers of the current CPU; r REG shows one, r REG=VALUE sets it", InspectionCommands::r);
        shell.add("lm", "loaded modules (PsLoadedModuleList)", InspectionCommands::lm);
        shell.add("~", "~Ns: make CPU N the current one and show its registers (~N too)",
                InspectionCommands::switchCpu);
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
        if (args.isEmpty()) {
            shell.printRegisters(shell.debugger().stop());
            return;
        }
        X64Context context = shell.debugger().context(cpu);
        for (String name : args) {
            X64Register register = Shell.register(name);
            shell.out().println(register.registerName() + "=" + Hex.u64(context.get(register)));
        }
    }

    /** {@code ~Ns} (and {@code ~N}): SwitchProcessor, then the new CPU's registers and instruction, as WinDbg. */
    private static void switchCpu(Shell shell, List<String> args) {
        Matcher m = CPU_SWITCH.matcher(args.isEmpty() ? "" : args.get(0));
        if (args.size() > 1 || !m.matches()) {
            throw new ShellException("~ takes a CPU number and s: ~1s makes CPU 1 the current one");
        }
        shell.printRegisters(shell.debugger().switchCpu(existingCpu(shell, Integer.parseInt(m.group(1)))));
    }

    /** {@code cpu} if the target has it, else a one-line error naming the CPUs it has. */
    static int existingCpu(Shell shell, long cpu) {
        return CpuNumber.existing(cpu, shell.debugger().stop().cpuCount());
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
