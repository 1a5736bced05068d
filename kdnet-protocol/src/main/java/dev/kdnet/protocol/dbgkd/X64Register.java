package dev.kdnet.protocol.dbgkd;

import java.util.Locale;
import java.util.Optional;

/** The named fields of the x64 CONTEXT (kd-protocol §3.9) with their offsets and widths. */
public enum X64Register implements RegisterField {
    /** ContextFlags (u32): which parts are valid, {@code X64Context.CONTEXT_*}. */
    CONTEXT_FLAGS(0x30, 4),
    /** MxCsr (u32). */
    MXCSR(0x34, 4),
    /** SegCs. */
    CS(0x38, 2),
    /** SegDs. */
    DS(0x3A, 2),
    /** SegEs. */
    ES(0x3C, 2),
    /** SegFs. */
    FS(0x3E, 2),
    /** SegGs. */
    GS(0x40, 2),
    /** SegSs. */
    SS(0x42, 2),
    /** EFlags (u32). */
    EFLAGS(0x44, 4),
    /** Dr0. */
    DR0(0x48, 8),
    /** Dr1. */
    DR1(0x50, 8),
    /** Dr2. */
    DR2(0x58, 8),
    /** Dr3. */
    DR3(0x60, 8),
    /** Dr6. */
    DR6(0x68, 8),
    /** Dr7. */
    DR7(0x70, 8),
    /** Rax. */
    RAX(0x78, 8),
    /** Rcx. */
    RCX(0x80, 8),
    /** Rdx. */
    RDX(0x88, 8),
    /** Rbx. */
    RBX(0x90, 8),
    /** Rsp. */
    RSP(0x98, 8),
    /** Rbp. */
    RBP(0xA0, 8),
    /** Rsi. */
    RSI(0xA8, 8),
    /** Rdi. */
    RDI(0xB0, 8),
    /** R8. */
    R8(0xB8, 8),
    /** R9. */
    R9(0xC0, 8),
    /** R10. */
    R10(0xC8, 8),
    /** R11. */
    R11(0xD0, 8),
    /** R12. */
    R12(0xD8, 8),
    /** R13. */
    R13(0xE0, 8),
    /** R14. */
    R14(0xE8, 8),
    /** R15. */
    R15(0xF0, 8),
    /** Rip. */
    RIP(0xF8, 8);

    private final int offset;
    private final int size;

    X64Register(int offset, int size) {
        this.offset = offset;
        this.size = size;
    }

    /** The register named {@code name}, ignoring case and underscores: {@code rip}, {@code EFlags}, {@code cs}. */
    public static Optional<X64Register> byName(String name) {
        String wanted = name.replace("_", "");
        for (X64Register register : values()) {
            if (register.registerName().equalsIgnoreCase(wanted)) {
                return Optional.of(register);
            }
        }
        return Optional.empty();
    }

    /** The lower-case name a debugger shows, e.g. {@code rip}, {@code eflags}, {@code contextflags}. */
    public String registerName() {
        return name().replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Byte offset within the CONTEXT. */
    @Override
    public int offset() {
        return offset;
    }

    /** Width in bytes: 2, 4 or 8. */
    @Override
    public int size() {
        return size;
    }
}
