package dev.kdnet.sim.kernel;

/**
 * One processor's KPCR with its KPRCB at +0x180, in the x64 layout whose offsets kd-protocol §3.11 lists for
 * KDDEBUGGER_DATA64 (SizePcr 0x5F00, PcrSelfPcr 0x18, PcrCurrentPrcb 0x20, PcrContainedPrcb 0x180,
 * PrcbCurrentThread 8, PrcbProcStateSpecialReg 0x40, ProcStateContext 0x120, OffsetPrcbContext 0x5980):
 * KPRCB.ProcessorState at +0x40 holds KSPECIAL_REGISTERS (0xE0 bytes) followed by the CONTEXT (0x4D0 bytes).
 * Fields the table does not fix (CPU identification, DPC state) sit after ProcessorState at offsets of our own,
 * which KDDEBUGGER_DATA64 reports.
 */
final class ProcessorBlock {
    /** SizePcr: KPCR and KPRCB together. */
    static final int SIZE = 0x5F00;
    /** KPCR.GdtBase. */
    static final int PCR_GDT_BASE = 0x00;
    /** KPCR.TssBase. */
    static final int PCR_TSS_BASE = 0x08;
    /** KPCR.Self: the KPCR's own address. */
    static final int PCR_SELF = 0x18;
    /** KPCR.CurrentPrcb. */
    static final int PCR_CURRENT_PRCB = 0x20;
    /** KPCR.IdtBase. */
    static final int PCR_IDT_BASE = 0x38;
    /** KPCR.ObsoleteNumber (u8): the processor number. */
    static final int PCR_NUMBER = 0x52;
    /** KPCR.MajorVersion (u16). */
    static final int PCR_MAJOR_VERSION = 0x60;
    /** KPCR.MinorVersion (u16). */
    static final int PCR_MINOR_VERSION = 0x62;
    /** KPCR.Prcb: the KPRCB contained in the KPCR. */
    static final int PCR_PRCB = 0x180;
    /** SizePrcb. */
    static final int PRCB_SIZE = SIZE - PCR_PRCB;
    /** KPRCB.MxCsr (u32). */
    static final int PRCB_MXCSR = 0x000;
    /** KPRCB.LegacyNumber (u8). */
    static final int PRCB_LEGACY_NUMBER = 0x004;
    /** KPRCB.CurrentThread. */
    static final int PRCB_CURRENT_THREAD = 0x008;
    /** KPRCB.IdleThread. */
    static final int PRCB_IDLE_THREAD = 0x018;
    /** KPRCB.Number (u32). */
    static final int PRCB_NUMBER = 0x024;
    /** KPRCB.RspBase: the top of the kernel stack. */
    static final int PRCB_RSP_BASE = 0x028;
    /** KPRCB.ProcessorState: KSPECIAL_REGISTERS, then CONTEXT. */
    static final int PRCB_PROCESSOR_STATE = 0x040;
    /** Offset of the CONTEXT in ProcessorState: right after the 0xE0 bytes of KSPECIAL_REGISTERS. */
    static final int PROCESSOR_STATE_CONTEXT = 0x0E0;
    /** Size of ProcessorState: KSPECIAL_REGISTERS and CONTEXT. */
    static final int PROCESSOR_STATE_SIZE = PROCESSOR_STATE_CONTEXT + 0x4D0;
    /** KPRCB.CpuType (u8). */
    static final int PRCB_CPU_TYPE = PRCB_PROCESSOR_STATE + PROCESSOR_STATE_SIZE;
    /** KPRCB.CpuStep (u16): model in the high byte, stepping in the low byte. */
    static final int PRCB_CPU_STEP = PRCB_CPU_TYPE + 2;
    /** KPRCB.MHz (u32). */
    static final int PRCB_MHZ = PRCB_CPU_TYPE + 4;
    /** KPRCB.VendorString (13 ASCII bytes with NUL). */
    static final int PRCB_VENDOR_STRING = PRCB_CPU_TYPE + 8;
    /** KPRCB.DpcStack: none (DPCs run on the thread's stack in the simulation). */
    static final int PRCB_DPC_STACK = PRCB_CPU_TYPE + 0x18;
    /** KPRCB.IsrStack: none. */
    static final int PRCB_ISR_STACK = PRCB_CPU_TYPE + 0x20;
    /** KPRCB.NormalDpcState (u16). */
    static final int PRCB_NORMAL_DPC_STATE = PRCB_CPU_TYPE + 0x28;
    /** KPRCB.DpcRoutineActive (u8). */
    static final int PRCB_DPC_ROUTINE_ACTIVE = PRCB_CPU_TYPE + 0x2A;
    /** KPRCB.Context: the CONTEXT a crash dump saves into, here ProcessorState's. */
    static final int PRCB_CONTEXT = 0x5980;

    private static final int MXCSR_DEFAULT = 0x1F80;
    private static final int CPU_FAMILY = 6;
    private static final int CPU_MODEL_STEPPING = 0x9E0A;
    private static final int CPU_MHZ = 3000;
    private static final String VENDOR = "GenuineIntel";

    private ProcessorBlock() {
    }

    /** Writes CPU {@code number}'s KPCR and KPRCB at {@code kpcr} (SIZE zeroed bytes) and returns its symbols. */
    static CpuSymbols write(KernelMemory memory, long kpcr, int number, long thread, long stackTop, long gdt, long tss,
            long idt) {
        long prcb = kpcr + PCR_PRCB;
        memory.putU64(kpcr + PCR_GDT_BASE, gdt);
        memory.putU64(kpcr + PCR_TSS_BASE, tss);
        memory.putU64(kpcr + PCR_SELF, kpcr);
        memory.putU64(kpcr + PCR_CURRENT_PRCB, prcb);
        memory.putU64(kpcr + PCR_IDT_BASE, idt);
        memory.putU8(kpcr + PCR_NUMBER, number);
        memory.putU16(kpcr + PCR_MAJOR_VERSION, 1);
        memory.putU16(kpcr + PCR_MINOR_VERSION, 1);
        memory.putU32(prcb + PRCB_MXCSR, MXCSR_DEFAULT);
        memory.putU8(prcb + PRCB_LEGACY_NUMBER, number);
        memory.putU64(prcb + PRCB_CURRENT_THREAD, thread);
        memory.putU64(prcb + PRCB_IDLE_THREAD, thread);
        memory.putU32(prcb + PRCB_NUMBER, number);
        memory.putU64(prcb + PRCB_RSP_BASE, stackTop);
        memory.putU8(prcb + PRCB_CPU_TYPE, CPU_FAMILY);
        memory.putU16(prcb + PRCB_CPU_STEP, CPU_MODEL_STEPPING);
        memory.putU32(prcb + PRCB_MHZ, CPU_MHZ);
        memory.write(prcb + PRCB_VENDOR_STRING, KernelMemory.asciiZ(VENDOR));
        long processorState = prcb + PRCB_PROCESSOR_STATE;
        memory.putU64(prcb + PRCB_CONTEXT, processorState + PROCESSOR_STATE_CONTEXT);
        return new CpuSymbols(kpcr, prcb, thread, stackTop, processorState);
    }
}
