package dev.kdnet.host.shell;

import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import java.util.ArrayList;
import java.util.List;

/**
 * The register display of WinDbg's {@code r} for an x64 CONTEXT: three general registers a line, the flags line
 * ({@code iopl=0         nv up ei pl zr na po nc}) and the segment line with {@code efl}.
 */
final class RegisterText {
    private static final List<List<X64Register>> ROWS = List.of(
            List.of(X64Register.RAX, X64Register.RBX, X64Register.RCX),
            List.of(X64Register.RDX, X64Register.RSI, X64Register.RDI),
            List.of(X64Register.RIP, X64Register.RSP, X64Register.RBP),
            List.of(X64Register.R8, X64Register.R9, X64Register.R10),
            List.of(X64Register.R11, X64Register.R12, X64Register.R13),
            List.of(X64Register.R14, X64Register.R15));
    /** EFLAGS bits 12-13: the I/O privilege level. */
    private static final int IOPL_SHIFT = 12;
    /** The flags WinDbg names in the fixed columns, in its order: OF DF IF SF ZF AF PF CF (set name, clear name). */
    private static final List<Flag> COLUMNS = List.of(new Flag(11, "ov", "nv"), new Flag(10, "dn", "up"),
            new Flag(9, "ei", "di"), new Flag(7, "ng", "pl"), new Flag(6, "zr", "nz"), new Flag(4, "ac", "na"),
            new Flag(2, "pe", "po"), new Flag(0, "cy", "nc"));
    /** Flags WinDbg names only when set, before the columns: VIP VIF AC VM RF NT. */
    private static final List<Flag> WHEN_SET = List.of(new Flag(20, "vip", ""), new Flag(19, "vif", ""),
            new Flag(18, "ac", ""), new Flag(17, "vm", ""), new Flag(16, "rf", ""), new Flag(14, "nt", ""));

    private RegisterText() {
    }

    private record Flag(int bit, String set, String clear) {
        String name(long eflags) {
            return (eflags >>> bit & 1) != 0 ? set : clear;
        }
    }

    /** The lines of {@code r} for {@code context}. */
    static List<String> lines(X64Context context) {
        List<String> lines = new ArrayList<>();
        for (List<X64Register> row : ROWS) {
            StringBuilder line = new StringBuilder();
            for (X64Register register : row) {
                line.append(line.length() == 0 ? "" : " ")
                        .append(String.format("%3s=%s", register.registerName(), Hex.u64(context.get(register))));
            }
            lines.add(line.toString());
        }
        long eflags = context.get(X64Register.EFLAGS);
        lines.add(flags(eflags));
        lines.add(String.format("cs=%04x  ss=%04x  ds=%04x  es=%04x  fs=%04x  gs=%04x             efl=%08x",
                context.get(X64Register.CS), context.get(X64Register.SS), context.get(X64Register.DS),
                context.get(X64Register.ES), context.get(X64Register.FS), context.get(X64Register.GS), eflags));
        return lines;
    }

    /** WinDbg's flags line, e.g. {@code iopl=0         nv up ei pl zr na po nc} for EFLAGS 0x246. */
    static String flags(long eflags) {
        List<String> set = WHEN_SET.stream().map(f -> f.name(eflags)).filter(name -> !name.isEmpty()).toList();
        List<String> columns = COLUMNS.stream().map(f -> f.name(eflags)).toList();
        return String.format("iopl=%d %-7s %s", eflags >>> IOPL_SHIFT & 3, String.join(" ", set),
                String.join(" ", columns));
    }
}
