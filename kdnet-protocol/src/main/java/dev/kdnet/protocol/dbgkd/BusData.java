package dev.kdnet.protocol.dbgkd;

import java.nio.ByteBuffer;
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
    public static BusData from(ByteBuffer union) {
        ByteBuffer u = ManipulateState64.requireUnion(union);
        return new BusData(u.getInt(0), u.getInt(4), u.getInt(8), u.getInt(0x0C),
                u.getInt(0x10));
    }

    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = ManipulateState64.unionCopy(union);
        out.putInt(0, busDataType);
        out.putInt(4, busNumber);
        out.putInt(8, slotNumber);
        out.putInt(0x0C, offset);
        out.putInt(0x10, length);
        return out;
    }
}
