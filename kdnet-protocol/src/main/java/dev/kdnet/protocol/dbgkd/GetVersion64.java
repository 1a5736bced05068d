package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
/**
 * DBGKD_GET_VERSION64 (kd-protocol §3.3): the whole 40-byte union of a GetVersion reply, every byte typed.
 *
 * <pre>
 *   u+0x00  2  MajorVersion (low byte 0x0F free build; high byte the DBGKD_MAJOR type, 4 = boot debugger)
 *   u+0x02  2  MinorVersion (the build number)
 *   u+0x04  1  ProtocolVersion           u+0x0B  1  MaxStateChange
 *   u+0x05  1  KdSecondaryVersion        u+0x0C  1  MaxManipulate
 *   u+0x06  2  Flags                     u+0x0D  1  Simulation
 *   u+0x08  2  MachineType               u+0x0E  2  Unused
 *   u+0x0A  1  MaxPacketType
 *   u+0x10  8  KernBase
 *   u+0x18  8  PsLoadedModuleList
 *   u+0x20  8  DebuggerDataList
 * </pre>
 *
 * @param majorVersion       u16
 * @param minorVersion       u16, the build number
 * @param protocolVersion    u8, {@link #PROTOCOL_VERSION}
 * @param kdSecondaryVersion u8, {@link #SECONDARY_VERSION_AMD64_CONTEXT}
 * @param flags              u16, {@code FLAG_*} bits
 * @param machineType        u16, {@link #MACHINE_AMD64}
 * @param maxPacketType      u8, 0x0C
 * @param maxStateChange     u8, number of state-change kinds (3)
 * @param maxManipulate      u8, number of manipulate APIs (0x33 on Windows 10)
 * @param simulation         u8, 0 for real hardware
 * @param unused             u16
 * @param kernBase           ntoskrnl base address
 * @param psLoadedModuleList address of the loaded-module list head
 * @param debuggerDataList   address of the debugger-data list head
 */
public record GetVersion64(int majorVersion, int minorVersion, int protocolVersion, int kdSecondaryVersion,
        int flags, int machineType, int maxPacketType, int maxStateChange, int maxManipulate, int simulation,
        int unused, long kernBase, long psLoadedModuleList, long debuggerDataList) implements UnionView {
    /** Flags bit: kernel built for multiprocessor. */
    public static final int FLAG_MP = 0x01;
    /** Flags bit: DebuggerDataList is valid. */
    public static final int FLAG_DATA = 0x02;
    /** Flags bit: 64-bit pointers. */
    public static final int FLAG_PTR64 = 0x04;
    /** Flags bit: the debugger's memory cache is active. */
    public static final int FLAG_NOMM = 0x08;
    /** Flags bit: hardware single step. */
    public static final int FLAG_HSS = 0x10;
    /** Flags bit: partitions. */
    public static final int FLAG_PARTITIONS = 0x20;
    /** Flags bit: the HAL is inside ntoskrnl. */
    public static final int FLAG_HAL_IN_NTOS = 0x40;
    /** MachineType of x64 (IMAGE_FILE_MACHINE_AMD64). */
    public static final int MACHINE_AMD64 = 0x8664;
    /** ProtocolVersion of the 64-bit protocol (DBGKD_64BIT_PROTOCOL_VERSION2). */
    public static final int PROTOCOL_VERSION = 6;
    /** KdSecondaryVersion of the AMD64 CONTEXT layout (KD_SECONDARY_VERSION_AMD64_CONTEXT). */
    public static final int SECONDARY_VERSION_AMD64_CONTEXT = 2;

    /** Checks the 8- and 16-bit fields; IllegalArgumentException for a too-wide value. */
    public GetVersion64 {
        WireBytes.requireFits(majorVersion, 2, "major version");
        WireBytes.requireFits(minorVersion, 2, "minor version");
        WireBytes.requireFits(protocolVersion, 1, "protocol version");
        WireBytes.requireFits(kdSecondaryVersion, 1, "secondary version");
        WireBytes.requireFits(flags, 2, "flags");
        WireBytes.requireFits(machineType, 2, "machine type");
        WireBytes.requireFits(maxPacketType, 1, "max packet type");
        WireBytes.requireFits(maxStateChange, 1, "max state change");
        WireBytes.requireFits(maxManipulate, 1, "max manipulate");
        WireBytes.requireFits(simulation, 1, "simulation");
        WireBytes.requireFits(unused, 2, "unused");
    }

    /** Reads the version block from a 40-byte manipulate union. */
    public static GetVersion64 from(ByteBuffer union) {
        ByteBuffer u = ManipulateState64.requireUnion(union);
        return new GetVersion64(WireBytes.u16(u, 0), WireBytes.u16(u, 2), WireBytes.u8(u, 4), WireBytes.u8(u, 5),
                WireBytes.u16(u, 6), WireBytes.u16(u, 8), WireBytes.u8(u, 0x0A), WireBytes.u8(u, 0x0B),
                WireBytes.u8(u, 0x0C),
                WireBytes.u8(u, 0x0D), WireBytes.u16(u, 0x0E), u.getLong(0x10), u.getLong(0x18),
                u.getLong(0x20));
    }

    /** True if every bit of {@code flag} is set in Flags. */
    public boolean hasFlag(int flag) {
        return (flags & flag) == flag;
    }

    /** Writes the version block over the whole union (it has no bytes of its own to keep). */
    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = ManipulateState64.unionCopy(union);
        out.putShort(0, (short) majorVersion);
        out.putShort(2, (short) minorVersion);
        out.put(4, (byte) protocolVersion);
        out.put(5, (byte) kdSecondaryVersion);
        out.putShort(6, (short) flags);
        out.putShort(8, (short) machineType);
        out.put(0x0A, (byte) maxPacketType);
        out.put(0x0B, (byte) maxStateChange);
        out.put(0x0C, (byte) maxManipulate);
        out.put(0x0D, (byte) simulation);
        out.putShort(0x0E, (short) unused);
        out.putLong(0x10, kernBase);
        out.putLong(0x18, psLoadedModuleList);
        out.putLong(0x20, debuggerDataList);
        return out;
    }
}
