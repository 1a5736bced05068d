package dev.kdnet.protocol.dbgkd;

import static dev.kdnet.protocol.dbgkd.UnionViewProperties.check;
import static dev.kdnet.protocol.dbgkd.UnionViewProperties.counting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.testing.Hex;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Continue2 control set (kd-protocol §3.2) against the real request of CAP-BD frame 234 (Appendix A). */
class Continue2RequestTest {
    private static final String REAL = "3c310000 2500 0000 02000100 00000000"
            + "02000100 00000000 0004000000000000 0100000000000000 0000000000000000 c0b2fb9dfe7f0000";

    @Test
    void decodesTheRealContinue2() {
        ManipulateState64 request = ManipulateState64.decode(ByteBuffer.wrap(Hex.bytes(REAL))).orElseThrow();
        assertThat(request.api()).isEqualTo(ManipulateApi.CONTINUE2);
        assertThat(request.api().hasReply()).isFalse();
        assertThat(request.returnStatus()).as("WinDbg repeats the status in the header")
                .isEqualTo(NtStatus.DBG_CONTINUE);
        Continue2Request control = Continue2Request.from(request.union());
        assertThat(control).isEqualTo(new Continue2Request(NtStatus.DBG_CONTINUE, 0, 0x400, 1, 0));
        assertThat(control.isTracing()).isFalse();
        assertThat(request.encode()).isEqualTo(Hex.bytes(REAL));
    }

    @Test
    void whatWinDbgSendsIsBuiltByOf() {
        byte[] union = Hex.bytes(REAL.replace(" ", "").substring(32));
        Continue2Request built = Continue2Request.of(NtStatus.DBG_CONTINUE, false, 0x400);
        assertThat(WireBytes.toArray(built.writeInto(ByteBuffer.wrap(union)))).isEqualTo(union);
        assertThat(Arrays.copyOf(WireBytes.toArray(built.writeInto(ByteBuffer.wrap(new byte[ManipulateState64.UNION_LENGTH]))), 0x20))
                .isEqualTo(Arrays.copyOf(union, 0x20));
        assertThat(Continue2Request.of(NtStatus.DBG_EXCEPTION_HANDLED, true, 0x401).isTracing()).isTrue();
    }

    @Test
    void dr7IsPackedRightAfterTraceFlag() {
        assertThat(Continue2Request.from(ByteBuffer.wrap(counting(ManipulateState64.UNION_LENGTH)))).isEqualTo(new Continue2Request(
                0x03020100, 0x07060504, 0x0F0E0D0C0B0A0908L, 0x1716151413121110L, 0x1F1E1D1C1B1A1918L));
        check(ManipulateState64.UNION_LENGTH, Continue2Request::from, 0, 0x20);
    }

    @Test
    void plainContinueCarriesOnlyItsStatus() {
        ManipulateState64 request = ManipulateState64.request(ManipulateApi.CONTINUE, 0,
                new ContinueRequest(NtStatus.DBG_CONTINUE), new byte[0]);
        assertThat(ContinueRequest.from(request.union()).continueStatus()).isEqualTo(NtStatus.DBG_CONTINUE);
        assertThat(Hex.of(request.encode())).isEqualTo("36310000" + "0000" + "0000" + "03010000" + "00000000"
                + "02000100" + "00".repeat(36));
    }
}
