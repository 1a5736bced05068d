package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.LittleEndian;
/**
 * DBGKD_CONTINUE (kd-protocol §3.2), the Continue (0x3136) union: u+0x0 ContinueStatus. A target resumes without
 * a reply.
 *
 * @param continueStatus {@link NtStatus#DBG_CONTINUE} and other success values mean "handled"
 */
public record ContinueRequest(int continueStatus) implements UnionView {
    /** Reads the field from a 40-byte manipulate union. */
    public static ContinueRequest from(byte[] union) {
        ManipulateState64.requireUnion(union);
        return new ContinueRequest(LittleEndian.u32(union, 0));
    }

    @Override
    public byte[] writeInto(byte[] union) {
        byte[] out = ManipulateState64.requireUnion(union).clone();
        LittleEndian.putU32(out, 0, continueStatus);
        return out;
    }
}
