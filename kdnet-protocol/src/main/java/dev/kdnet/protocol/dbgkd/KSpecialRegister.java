package dev.kdnet.protocol.dbgkd;

/**
 * The named fields of KSPECIAL_REGISTERS (kd-protocol §3.10) with their offsets and widths. Gdtr and Idtr are
 * KDESCRIPTORs (three u16 pad words, Limit u16, Base u64): only Limit and Base are named, the pad words stay raw.
 */
public enum KSpecialRegister implements RegisterField {
    /** Cr0. */
    CR0(0x00, 8),
    /** Cr2. */
    CR2(0x08, 8),
    /** Cr3. */
    CR3(0x10, 8),
    /** Cr4. */
    CR4(0x18, 8),
    /** KernelDr0. */
    KERNEL_DR0(0x20, 8),
    /** KernelDr1. */
    KERNEL_DR1(0x28, 8),
    /** KernelDr2. */
    KERNEL_DR2(0x30, 8),
    /** KernelDr3. */
    KERNEL_DR3(0x38, 8),
    /** KernelDr6. */
    KERNEL_DR6(0x40, 8),
    /** KernelDr7. */
    KERNEL_DR7(0x48, 8),
    /** Gdtr.Limit (u16). */
    GDTR_LIMIT(0x56, 2),
    /** Gdtr.Base. */
    GDTR_BASE(0x58, 8),
    /** Idtr.Limit (u16). */
    IDTR_LIMIT(0x66, 2),
    /** Idtr.Base. */
    IDTR_BASE(0x68, 8),
    /** Tr (u16). */
    TR(0x70, 2),
    /** Ldtr (u16). */
    LDTR(0x72, 2),
    /** MxCsr (u32). */
    MXCSR(0x74, 4),
    /** DebugControl. */
    DEBUG_CONTROL(0x78, 8),
    /** LastBranchToRip. */
    LAST_BRANCH_TO_RIP(0x80, 8),
    /** LastBranchFromRip. */
    LAST_BRANCH_FROM_RIP(0x88, 8),
    /** LastExceptionToRip. */
    LAST_EXCEPTION_TO_RIP(0x90, 8),
    /** LastExceptionFromRip. */
    LAST_EXCEPTION_FROM_RIP(0x98, 8),
    /** Cr8. */
    CR8(0xA0, 8),
    /** MsrGsBase. */
    MSR_GS_BASE(0xA8, 8),
    /** MsrGsSwap. */
    MSR_GS_SWAP(0xB0, 8),
    /** MsrStar. */
    MSR_STAR(0xB8, 8),
    /** MsrLStar. */
    MSR_LSTAR(0xC0, 8),
    /** MsrCStar. */
    MSR_CSTAR(0xC8, 8),
    /** MsrSyscallMask. */
    MSR_SYSCALL_MASK(0xD0, 8),
    /** Xcr0 (Windows 8 and later). */
    XCR0(0xD8, 8);

    private final int offset;
    private final int size;

    KSpecialRegister(int offset, int size) {
        this.offset = offset;
        this.size = size;
    }

    /** Byte offset within KSPECIAL_REGISTERS. */
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
