package dev.kdnet.host.api;

import dev.kdnet.protocol.dbgkd.GetVersion64;

/**
 * The attached kernel: the GetVersion64 reply with its fields named, and what the debugger data block adds.
 *
 * @param majorVersion        0xF for a free build, 0xC for a checked one
 * @param buildNumber         the Windows build (MinorVersion), e.g. 19041
 * @param protocolVersion     the KD protocol version (6)
 * @param kdSecondaryVersion  the secondary protocol version
 * @param flags               GetVersion64 flags (MP, DATA, PTR64, HAL_IN_NTOS …)
 * @param machineType         the image machine type (0x8664 for x64)
 * @param maxPacketType       the highest KD packet type the target knows
 * @param maxStateChange      the number of state-change kinds
 * @param maxManipulate       the number of manipulate APIs
 * @param kernelBase          KernBase, where ntoskrnl is loaded
 * @param psLoadedModuleList  the address of PsLoadedModuleList
 * @param debuggerDataList    the address of KdpDebuggerDataListHead
 * @param debuggerDataBlock   the address of KDDEBUGGER_DATA64 ('KDBG')
 * @param debuggerDataSize    the block's Header.Size
 * @param ntBuildLab          the NtBuildLab string
 */
public record KernelVersion(int majorVersion, int buildNumber, int protocolVersion, int kdSecondaryVersion, int flags,
        int machineType, int maxPacketType, int maxStateChange, int maxManipulate, long kernelBase,
        long psLoadedModuleList, long debuggerDataList, long debuggerDataBlock, int debuggerDataSize,
        String ntBuildLab) {
    /** Names the fields of {@code version} and adds the data block's address, size and NtBuildLab. */
    public static KernelVersion of(GetVersion64 version, long block, int blockSize, String ntBuildLab) {
        return new KernelVersion(version.majorVersion(), version.minorVersion(), version.protocolVersion(),
                version.kdSecondaryVersion(), version.flags(), version.machineType(), version.maxPacketType(),
                version.maxStateChange(), version.maxManipulate(), version.kernBase(), version.psLoadedModuleList(),
                version.debuggerDataList(), block, blockSize, ntBuildLab);
    }

    /** True for an x64 kernel. */
    public boolean isAmd64() {
        return machineType == GetVersion64.MACHINE_AMD64;
    }
}
