package dev.kdnet.host.api;

import dev.kdnet.protocol.dbgkd.GetVersion64;
import java.util.ArrayList;
import java.util.List;

/**
 * The attached kernel: the GetVersion64 reply with its fields named, what the debugger data block adds, and what
 * could not be read. A debugger attaches on GetVersion alone: a target's memory may hold no KDDEBUGGER_DATA64, and
 * then the block's fields are 0 (the build lab empty) and {@link #unread()} says why.
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
 * @param debuggerDataBlock   the address of KDDEBUGGER_DATA64 ('KDBG'), 0 if it could not be read
 * @param debuggerDataSize    the block's Header.Size, 0 if it could not be read
 * @param ntBuildLab          the NtBuildLab string, empty if it could not be read
 * @param unread              what could not be read, one line each (empty when everything was read)
 */
public record KernelVersion(int majorVersion, int buildNumber, int protocolVersion, int kdSecondaryVersion, int flags,
        int machineType, int maxPacketType, int maxStateChange, int maxManipulate, long kernelBase,
        long psLoadedModuleList, long debuggerDataList, long debuggerDataBlock, int debuggerDataSize,
        String ntBuildLab, List<String> unread) {
    /** Copies the list of what could not be read. */
    public KernelVersion {
        unread = List.copyOf(unread);
    }

    /** What GetVersion alone says: no data block read yet. */
    public static KernelVersion of(GetVersion64 version) {
        return new KernelVersion(version.majorVersion(), version.minorVersion(), version.protocolVersion(),
                version.kdSecondaryVersion(), version.flags(), version.machineType(), version.maxPacketType(),
                version.maxStateChange(), version.maxManipulate(), version.kernBase(), version.psLoadedModuleList(),
                version.debuggerDataList(), 0, 0, "", List.of());
    }

    /** The same with the debugger data block's address, size and NtBuildLab. */
    public KernelVersion withDataBlock(long block, int blockSize, String buildLab) {
        return new KernelVersion(majorVersion, buildNumber, protocolVersion, kdSecondaryVersion, flags, machineType,
                maxPacketType, maxStateChange, maxManipulate, kernelBase, psLoadedModuleList, debuggerDataList, block,
                blockSize, buildLab, unread);
    }

    /** The same with one more line of what could not be read. */
    public KernelVersion withUnread(String what) {
        List<String> more = new ArrayList<>(unread);
        more.add(what);
        return new KernelVersion(majorVersion, buildNumber, protocolVersion, kdSecondaryVersion, flags, machineType,
                maxPacketType, maxStateChange, maxManipulate, kernelBase, psLoadedModuleList, debuggerDataList,
                debuggerDataBlock, debuggerDataSize, ntBuildLab, more);
    }

    /** The Windows product of the build, e.g. "Windows 8.1 / Server 2012 R2" for 9600. */
    public String product() {
        return WindowsProduct.of(buildNumber);
    }

    /** True for an x64 kernel. */
    public boolean isAmd64() {
        return machineType == GetVersion64.MACHINE_AMD64;
    }
}
