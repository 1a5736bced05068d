/**
 * The memory image of a simulated Windows 10/11 x64 kernel, stopped in the debugger: sparse
 * {@link dev.kdnet.sim.kernel.PhysicalMemory}, an {@link dev.kdnet.sim.kernel.AddressSpace} through real
 * 4-level page tables, and {@link dev.kdnet.sim.kernel.KernelImage#build} which lays out what WinDbg reads after
 * attaching (kd-protocol §3.11, §4.1): ntoskrnl's PE image with its CodeView record, KdpDebuggerDataListHead and
 * KDDEBUGGER_DATA64, PsLoadedModuleList, KUSER_SHARED_DATA, the GDT and IDT, and per CPU a KPCR, KPRCB, idle thread
 * and stack. {@link dev.kdnet.sim.kernel.KernelSymbols} says where everything is;
 * {@link dev.kdnet.sim.kernel.WindowsBuild} picks the release.
 *
 * <p>Only the public types are the contract with the KD stub and the CPU model; the layout classes behind them are
 * package-private. Structure layouts and constant values follow public documentation (PE/COFF, Intel SDM,
 * wdbgexts.h and public symbol dumps of Windows 10 2004).
 */
package dev.kdnet.sim.kernel;
