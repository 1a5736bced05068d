package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.dbgkd.KSpecialRegister;
import dev.kdnet.protocol.dbgkd.KSpecialRegisters;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;

/**
 * The registers of a processor of a freshly booted Windows x64 kernel, with the values real captures show
 * (kd-protocol §3.9, §3.10): kernel selectors CS 0x10, SS 0x18, DS/ES/GS 0x2B, FS 0x53, EFLAGS 0x202, MXCSR
 * 0x1F80, paging and PAE/SMEP/OSXSAVE in CR0/CR4, GS base at the CPU's KPCR.
 */
final class InitialRegisters {
    static final int KERNEL_CS = 0x10;
    static final int KERNEL_SS = 0x18;
    static final int USER_DATA = 0x2B;
    static final int TEB_SELECTOR = 0x53;
    static final int TSS_SELECTOR = 0x40;
    static final int EFLAGS = 0x202;
    static final int MXCSR = 0x1F80;
    private static final long CR0 = 0x80050033L;
    private static final long CR4 = 0x350EF8L;
    private static final long DR6 = 0xFFFF0FF0L;
    private static final long DR7 = 0x400;
    private static final long STAR = 0x0023001000000000L;
    private static final long SYSCALL_MASK = 0x4700;
    private static final long XCR0 = 7;
    private static final int STACK_FRAME = 0x28;

    private InitialRegisters() {
    }

    /** The CONTEXT of a CPU running the synthetic stream at {@code rip} on its own kernel stack. */
    static X64Context context(KernelSymbols kernel, CpuSymbols cpu, long rip) {
        return X64Context.zero()
                .with(X64Register.CONTEXT_FLAGS, X64Context.CONTEXT_ALL)
                .with(X64Register.MXCSR, MXCSR)
                .with(X64Register.CS, KERNEL_CS).with(X64Register.SS, KERNEL_SS)
                .with(X64Register.DS, USER_DATA).with(X64Register.ES, USER_DATA).with(X64Register.GS, USER_DATA)
                .with(X64Register.FS, TEB_SELECTOR)
                .with(X64Register.EFLAGS, EFLAGS)
                .with(X64Register.RSP, cpu.stackTop() - STACK_FRAME)
                .with(X64Register.RBP, cpu.stackTop())
                .with(X64Register.RDX, cpu.kprcb())
                .with(X64Register.RIP, rip);
    }

    /** The KSPECIAL_REGISTERS of that CPU. */
    static KSpecialRegisters special(KernelSymbols kernel, CpuSymbols cpu, long cr3) {
        return KSpecialRegisters.zero()
                .with(KSpecialRegister.CR0, CR0).with(KSpecialRegister.CR3, cr3).with(KSpecialRegister.CR4, CR4)
                .with(KSpecialRegister.KERNEL_DR6, DR6).with(KSpecialRegister.KERNEL_DR7, DR7)
                .with(KSpecialRegister.GDTR_LIMIT, kernel.gdtLimit()).with(KSpecialRegister.GDTR_BASE, kernel.gdtBase())
                .with(KSpecialRegister.IDTR_LIMIT, kernel.idtLimit()).with(KSpecialRegister.IDTR_BASE, kernel.idtBase())
                .with(KSpecialRegister.TR, TSS_SELECTOR)
                .with(KSpecialRegister.MXCSR, MXCSR)
                .with(KSpecialRegister.MSR_GS_BASE, cpu.kpcr())
                .with(KSpecialRegister.MSR_STAR, STAR)
                .with(KSpecialRegister.MSR_LSTAR, kernel.kernBase() + 0x1000)
                .with(KSpecialRegister.MSR_SYSCALL_MASK, SYSCALL_MASK)
                .with(KSpecialRegister.XCR0, XCR0);
    }
}
