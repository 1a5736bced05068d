package dev.kdnet.protocol.dbgkd;

import java.nio.ByteBuffer;
/**
 * DBGKD_COMMAND_STRING (kd-protocol §3.5.3), the union of a CommandString state change: u+0x0 Flags (u32); the
 * reserved fields after it are left to the union. The extra data holds NameString, NUL, CommandString, NUL
 * ({@link StateChange64#extraStrings()}).
 *
 * @param flags the Flags field
 */
public record CommandString(int flags) implements UnionView {
    /** Reads the field from a 160-byte state-change union. */
    public static CommandString from(ByteBuffer union) {
        ByteBuffer u = StateChange64.requireUnion(union);
        return new CommandString(u.getInt(0));
    }

    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = StateChange64.unionCopy(union);
        out.putInt(0, flags);
        return out;
    }
}
