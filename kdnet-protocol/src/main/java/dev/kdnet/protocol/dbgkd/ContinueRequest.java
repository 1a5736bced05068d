package dev.kdnet.protocol.dbgkd;

import java.nio.ByteBuffer;
/**
 * DBGKD_CONTINUE (kd-protocol §3.2), the Continue (0x3136) union: u+0x0 ContinueStatus. A target resumes without
 * a reply.
 *
 * @param continueStatus {@link NtStatus#DBG_CONTINUE} and other success values mean "handled"
 */
public record ContinueRequest(int continueStatus) implements UnionView {
    /** Reads the field from a 40-byte manipulate union. */
    public static ContinueRequest from(ByteBuffer union) {
        ByteBuffer u = ManipulateState64.requireUnion(union);
        return new ContinueRequest(u.getInt(0));
    }

    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = ManipulateState64.unionCopy(union);
        out.putInt(0, continueStatus);
        return out;
    }
}
