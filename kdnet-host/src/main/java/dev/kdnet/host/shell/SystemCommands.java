package dev.kdnet.host.shell;

import dev.kdnet.host.api.RequestFailedException;
import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.NtStatus;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Commands on the processor and the machine rather than memory: I/O ports ({@code ib}/{@code iw}/{@code id},
 * {@code ob}/{@code ow}/{@code od}), model-specific registers ({@code rdmsr}, {@code wrmsr}), the processor control
 * region ({@code !pcr}), and leaving with the target running ({@code .detach}, {@code qd}). Numbers are hexadecimal
 * expressions, as everywhere in the shell.
 */
final class SystemCommands {
    /** Bytes of the KPCR {@code !pcr} reads: the KPCR's header and the start of its KPRCB. */
    private static final int PCR_BYTES = 0x1A0;
    /** KPCR (x64) offsets: GdtBase, TssBase, Self, CurrentPrcb, IdtBase, Irql, MajorVersion, MinorVersion. */
    private static final int GDT_BASE = 0x00;
    private static final int TSS_BASE = 0x08;
    private static final int SELF = 0x18;
    private static final int CURRENT_PRCB = 0x20;
    private static final int IDT_BASE = 0x38;
    private static final int IRQL = 0x50;
    private static final int MAJOR_VERSION = 0x60;
    private static final int MINOR_VERSION = 0x62;
    /** KPRCB, contained in the KPCR at 0x180 (x64): CurrentThread, NextThread, IdleThread. */
    private static final int PRCB = 0x180;
    private static final int CURRENT_THREAD = PRCB + 0x08;
    private static final int NEXT_THREAD = PRCB + 0x10;
    private static final int IDLE_THREAD = PRCB + 0x18;

    private SystemCommands() {
    }

    static void register(Shell shell) {
        for (int size : new int[] {1, 2, 4}) {
            String suffix = suffix(size);
            shell.add("i" + suffix, "read an I/O port " + size * 8 + " bits wide: i" + suffix + " PORT",
                    (s, args) -> in(s, args, size));
            shell.add("o" + suffix, "write an I/O port " + size * 8 + " bits wide: o" + suffix + " PORT VALUE",
                    (s, args) -> out(s, args, size));
        }
        shell.add("rdmsr", "read a model-specific register of the current CPU: rdmsr MSR", SystemCommands::rdmsr);
        shell.add("wrmsr", "write a model-specific register of the current CPU: wrmsr MSR VALUE",
                SystemCommands::wrmsr);
        shell.add("!pcr", "the processor control region (KPCR) of the current CPU, or of CPU N: !pcr [N]",
                SystemCommands::pcr);
        shell.add(".detach", "remove the breakpoints, let the target run and leave", SystemCommands::detach);
        shell.add("qd", "quit and detach: as .detach", SystemCommands::detach);
    }

    private static String suffix(int size) {
        return switch (size) {
            case 1 -> "b";
            case 2 -> "w";
            default -> "d";
        };
    }

    private static List<String> expect(List<String> args, int count, String usage) {
        if (args.size() != count) {
            throw new ShellException("usage: " + usage);
        }
        return args;
    }

    private static void in(Shell shell, List<String> args, int size) {
        long port = shell.expression().evaluate(expect(args, 1, "i" + suffix(size) + " PORT, e.g. i"
                + suffix(size) + " 3f8").get(0));
        int value = shell.debugger().readIoPort(port, size);
        shell.out().printf("%08x: %0" + size * 2 + "x%n", port, value & mask(size));
    }

    private static void out(Shell shell, List<String> args, int size) {
        String usage = "o" + suffix(size) + " PORT VALUE, e.g. o" + suffix(size) + " 3f8 41";
        long port = shell.expression().evaluate(expect(args, 2, usage).get(0));
        long value = shell.expression().evaluate(args.get(1));
        if ((value & ~mask(size)) != 0) {
            throw new ShellException(String.format("%x does not fit in %d bits: o%s writes values up to %x", value,
                    size * 8, suffix(size), mask(size)));
        }
        shell.debugger().writeIoPort(port, size, (int) value);
    }

    private static long mask(int size) {
        return (1L << (8 * size)) - 1;
    }

    private static int msr(Shell shell, String text) {
        long msr = shell.expression().evaluate(text);
        if (msr >>> 32 != 0) {
            throw new ShellException(String.format("MSR numbers are 32 bits; %x is not one (e.g. c0000082 is"
                    + " IA32_LSTAR)", msr));
        }
        return (int) msr;
    }

    private static void rdmsr(Shell shell, List<String> args) {
        int msr = msr(shell, expect(args, 1, "rdmsr MSR, e.g. rdmsr c0000082").get(0));
        try {
            long value = shell.debugger().readMsr(shell.currentCpu(), msr);
            shell.out().printf("msr[%x] = %s%n", msr, Hex.address(value));
        } catch (RequestFailedException e) {
            throw noSuchMsr(shell, msr, e);
        }
    }

    private static void wrmsr(Shell shell, List<String> args) {
        int msr = msr(shell, expect(args, 2, "wrmsr MSR VALUE, e.g. wrmsr c0000082 fffff8047a001000").get(0));
        long value = shell.expression().evaluate(args.get(1));
        try {
            shell.debugger().writeMsr(shell.currentCpu(), msr, value);
        } catch (RequestFailedException e) {
            throw noSuchMsr(shell, msr, e);
        }
    }

    /** The one line for an MSR the processor does not have; any other failure as it is. */
    private static RuntimeException noSuchMsr(Shell shell, int msr, RequestFailedException e) {
        if (e.status() != NtStatus.NO_SUCH_DEVICE) {
            return e;
        }
        return new ShellException(String.format("CPU %d has no MSR %x (the target answered STATUS_NO_SUCH_DEVICE)",
                shell.currentCpu(), msr));
    }

    private static void pcr(Shell shell, List<String> args) {
        if (args.size() > 1) {
            throw new ShellException("usage: !pcr [CPU], e.g. !pcr 1");
        }
        int cpu = args.isEmpty() ? shell.currentCpu()
                : InspectionCommands.existingCpu(shell, shell.expression().evaluate(args.get(0)));
        long kpcr = shell.debugger().processorControlRegion(cpu);
        byte[] bytes = shell.debugger().readVirtual(kpcr, PCR_BYTES).bytes();
        if (bytes.length < PCR_BYTES) {
            throw new ShellException("cannot read the KPCR of CPU " + cpu + " at " + Hex.address(kpcr));
        }
        ByteBuffer pcr = WireBytes.wrap(bytes);
        PrintWriter out = shell.out();
        out.printf("KPCR for Processor %d at %016x:%n", cpu, kpcr);
        out.printf("    Major %d Minor %d%n", pcr.getShort(MAJOR_VERSION), pcr.getShort(MINOR_VERSION));
        field(out, "SelfPcr", pcr.getLong(SELF));
        field(out, "Prcb", pcr.getLong(CURRENT_PRCB));
        field(out, "Irql", pcr.get(IRQL) & 0xFF);
        field(out, "IDT", pcr.getLong(IDT_BASE));
        field(out, "GDT", pcr.getLong(GDT_BASE));
        field(out, "TSS", pcr.getLong(TSS_BASE));
        out.println();
        field(out, "CurrentThread", pcr.getLong(CURRENT_THREAD));
        field(out, "NextThread", pcr.getLong(NEXT_THREAD));
        field(out, "IdleThread", pcr.getLong(IDLE_THREAD));
    }

    private static void field(PrintWriter out, String name, long value) {
        out.printf("%25s: %s%n", name, Hex.u64(value));
    }

    private static void detach(Shell shell, List<String> args) {
        shell.debugger().detach();
        shell.out().println("Detached: breakpoints removed, the target runs");
        shell.quit();
    }
}
