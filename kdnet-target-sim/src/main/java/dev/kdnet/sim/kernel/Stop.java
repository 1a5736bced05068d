package dev.kdnet.sim.kernel;

/**
 * Why and where the simulated kernel stopped: the CPU that reports, the exception code of the state change
 * (STATUS_BREAKPOINT, STATUS_SINGLE_STEP, ...), and its program counter.
 *
 * @param cpu           the reporting processor
 * @param exceptionCode the NTSTATUS exception code
 * @param pc            the program counter of the stop
 */
public record Stop(int cpu, int exceptionCode, long pc) {
}
