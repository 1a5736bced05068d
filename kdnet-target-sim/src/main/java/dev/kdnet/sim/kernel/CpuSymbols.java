package dev.kdnet.sim.kernel;

/**
 * The per-processor kernel structures of one simulated CPU.
 *
 * @param kpcr           its KPCR (KPCR.Self at +0x18 holds this address; what GS base points at in kernel mode)
 * @param kprcb          its KPRCB, at KPCR + 0x180 (KPCR.CurrentPrcb at +0x20)
 * @param kthread        its current thread (KPRCB.CurrentThread at +8): the CPU's idle thread
 * @param stackTop       the top of its 24 KiB kernel stack (exclusive; the stack grows down from here)
 * @param processorState KPRCB.ProcessorState (KPRCB + 0x40): KSPECIAL_REGISTERS (0xE0 bytes) at +0, CONTEXT
 *                       (0x4D0 bytes) at +0xE0; zero after the build, the runtime keeps them current
 */
public record CpuSymbols(long kpcr, long kprcb, long kthread, long stackTop, long processorState) {
}
