package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.LittleEndian;
/**
 * DBGKD_GET_SET_BUS_DATA (kd-protocol §3.2), the GetBusData/SetBusData (0x3157/0x3158) union; the data is the
 * bus bytes.
 *
 * <pre>
 *   u+0x0  4  BusDataType     u+0xC  4  Offset
 *   u+0x4  4  BusNumber       u+0x10 4  Length (→ reply: bytes transferred)
 *   u+0x8  4  SlotNumber
 * </pre>
 *
 * @param busDataType BUS_DATA_TYPE (e.g. PCI configuration)
 * @param busNumber   bus number
 * @param slotNumber  slot number
 * @param offset      first byte within the slot's data
 * @param length      bytes requested; in a reply, bytes transferred
 */
public record BusData(int busDataType, int busNumber, int slotNumber, int offset, int length) implements UnionView {
    /** Reads the fields from a 40-byte manipulate union. */
    public static BusData from(byte[] union) {
        ManipulateState64.requireUnion(union);
        return new BusData(LittleEndian.u32(union, 0), LittleEndian.u32(union, 4), LittleEndian.u32(union, 8), LittleEndian.u32(union, 0x0C),
                LittleEndian.u32(union, 0x10));
    }

    @Override
    public byte[] writeInto(byte[] union) {
        byte[] out = ManipulateState64.requireUnion(union).clone();
        LittleEndian.putU32(out, 0, busDataType);
        LittleEndian.putU32(out, 4, busNumber);
        LittleEndian.putU32(out, 8, slotNumber);
        LittleEndian.putU32(out, 0x0C, offset);
        LittleEndian.putU32(out, 0x10, length);
        return out;
    }
}
