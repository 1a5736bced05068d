package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.LittleEndian;
/**
 * DBGKD_COMMAND_STRING (kd-protocol §3.5.3), the union of a CommandString state change: u+0x0 Flags (u32); the
 * reserved fields after it are left to the union. The extra data holds NameString, NUL, CommandString, NUL
 * ({@link StateChange64#extraStrings()}).
 *
 * @param flags the Flags field
 */
public record CommandString(int flags) implements UnionView {
    /** Reads the field from a 160-byte state-change union. */
    public static CommandString from(byte[] union) {
        StateChange64.requireUnion(union);
        return new CommandString(LittleEndian.u32(union, 0));
    }

    @Override
    public byte[] writeInto(byte[] union) {
        byte[] out = StateChange64.requireUnion(union).clone();
        LittleEndian.putU32(out, 0, flags);
        return out;
    }
}
