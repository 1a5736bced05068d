package dev.kdnet.sim.kernel;

import java.util.List;

/**
 * Where the simulated kernel put what the KD stub and the CPU model need. All addresses are kernel virtual
 * addresses readable through {@link KernelImage#virtual()}.
 *
 * @param kernBase             ntoskrnl.exe base (its MZ header)
 * @param kernSize             ntoskrnl SizeOfImage
 * @param kernChecksum         ntoskrnl PE CheckSum
 * @param psLoadedModuleList   the LIST_ENTRY head of the loaded-module list
 * @param debuggerDataList     the LIST_ENTRY head (KdpDebuggerDataListHead) that links KdDebuggerDataBlock
 * @param kdDebuggerDataBlock  KDDEBUGGER_DATA64
 * @param breakpointWithStatus the int3 of DbgBreakPointWithStatus (memory holds {@code CC C3} there)
 * @param ntBuildLab           the NUL-terminated ANSI NtBuildLab string
 * @param kuserSharedData      KUSER_SHARED_DATA (0xFFFFF78000000000)
 * @param gdtBase              the GDT every CPU shares
 * @param gdtLimit             its limit (size - 1)
 * @param idtBase              the IDT every CPU shares
 * @param idtLimit             its limit (0xFFF: 256 sixteen-byte gates)
 * @param codeStart            start of the code region in .text left to the CPU model (NOPs after the build)
 * @param codeEnd              end of that region (exclusive)
 * @param kiProcessorBlock     the array of KPRCB pointers, one per CPU, null after the last
 * @param cpus                 per-CPU structures, by processor number
 * @param modules              PsLoadedModuleList in load order; ntoskrnl.exe first
 */
public record KernelSymbols(long kernBase, int kernSize, int kernChecksum, long psLoadedModuleList,
        long debuggerDataList, long kdDebuggerDataBlock, long breakpointWithStatus, long ntBuildLab,
        long kuserSharedData, long gdtBase, int gdtLimit, long idtBase, int idtLimit, long codeStart, long codeEnd,
        long kiProcessorBlock, List<CpuSymbols> cpus, List<LoadedModule> modules) {
    /** Copies the lists, so the record is immutable. */
    public KernelSymbols {
        cpus = List.copyOf(cpus);
        modules = List.copyOf(modules);
    }
}
