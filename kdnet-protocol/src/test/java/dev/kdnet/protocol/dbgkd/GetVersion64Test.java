package dev.kdnet.protocol.dbgkd;

import static dev.kdnet.protocol.dbgkd.UnionViewProperties.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.testing.Hex;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** DBGKD_GET_VERSION64 (kd-protocol §3.3) against the real boot-debugger reply and the Win 8.1 union. */
class GetVersion64Test {
    /** GetVersion request payload of CAP-BD frame 10 (Appendix A): garbage in ProcessorLevel, padding, union. */
    static final String REQUEST = "46310000 ffff ffff 03010000 25000000"
            + "f0c63f25017f0000 e8f5c7d200000000 68f6c7d225000000 90933a25f77f0000 0000000000000000";
    /** GetVersion reply payload of CAP-BD frame 12 (Appendix A). */
    static final String REPLY = "46310000 ffff ffff 00000000 25000000"
            + "0f04 5a29 06 02 0200 6486 0c 32 59 00 0000 00f0960000000000 605ead0000000000 0000000000000000";
    /** The real Win 8.1 reply union of CAP-81 (§3.3). */
    private static final String WIN81_UNION = "0f00 8025 06 02 0700 6486 0c 03 31 00 0000 0080c16b02f8ffff"
            + " d022ee6b02f8ffff f091ef6b02f8ffff";
    private static final GetVersion64 BOOT_DEBUGGER = new GetVersion64(0x040F, 10586, 6, 2, GetVersion64.FLAG_DATA,
            GetVersion64.MACHINE_AMD64, 0x0C, 0x32, 0x59, 0, 0, 0x96F000, 0xAD5E60, 0);

    @Test
    void decodesTheRealBootDebuggerReply() {
        ManipulateState64 reply = ManipulateState64.decode(ByteBuffer.wrap(Hex.bytes(REPLY))).orElseThrow();
        GetVersion64 version = GetVersion64.from(reply.union());
        assertThat(version).isEqualTo(BOOT_DEBUGGER);
        assertThat(version.majorVersion() & 0xFF).isEqualTo(15);
        assertThat(version.majorVersion() >> 8).as("DBGKD_MAJOR_NTBD").isEqualTo(4);
        assertThat(version.minorVersion()).isEqualTo(0x295A);
        assertThat(version.protocolVersion()).isEqualTo(GetVersion64.PROTOCOL_VERSION);
        assertThat(version.kdSecondaryVersion()).isEqualTo(GetVersion64.SECONDARY_VERSION_AMD64_CONTEXT);
        assertThat(version.hasFlag(GetVersion64.FLAG_PTR64)).isFalse();
        assertThat(reply.encode()).isEqualTo(Hex.bytes(REPLY));
    }

    @Test
    void answeringTheRealRequestWithTheVersionGivesTheRealReply() {
        ManipulateState64 request = ManipulateState64.decode(ByteBuffer.wrap(Hex.bytes(REQUEST))).orElseThrow();
        assertThat(request.api()).isEqualTo(ManipulateApi.GET_VERSION);
        assertThat(request.returnStatus()).isEqualTo(NtStatus.PENDING);
        assertThat(request.reply(NtStatus.SUCCESS, BOOT_DEBUGGER, new byte[0]).encode())
                .isEqualTo(Hex.bytes(REPLY));
    }

    @Test
    void decodesTheRealWindows81Union() {
        byte[] union = Hex.bytes(WIN81_UNION);
        GetVersion64 version = GetVersion64.from(ByteBuffer.wrap(union));
        assertThat(version.majorVersion()).isEqualTo(0x000F);
        assertThat(version.minorVersion()).isEqualTo(9600);
        assertThat(version.flags()).isEqualTo(GetVersion64.FLAG_MP | GetVersion64.FLAG_DATA | GetVersion64.FLAG_PTR64);
        assertThat(version.hasFlag(GetVersion64.FLAG_DATA | GetVersion64.FLAG_PTR64)).isTrue();
        assertThat(version.hasFlag(GetVersion64.FLAG_HAL_IN_NTOS)).isFalse();
        assertThat(version.maxStateChange()).isEqualTo(3);
        assertThat(version.maxManipulate()).isEqualTo(0x31);
        assertThat(version.kernBase()).isEqualTo(0xFFFFF8026BC18000L);
        assertThat(version.psLoadedModuleList()).isEqualTo(0xFFFFF8026BEE22D0L);
        assertThat(version.debuggerDataList()).isEqualTo(0xFFFFF8026BEF91F0L);
        assertThat(WireBytes.toArray(version.writeInto(ByteBuffer.wrap(new byte[ManipulateState64.UNION_LENGTH])))).isEqualTo(union);
    }

    @Test
    void ownsEveryUnionByte() {
        check(ManipulateState64.UNION_LENGTH, GetVersion64::from, 0, ManipulateState64.UNION_LENGTH);
    }

    @Test
    void flagConstantsAreTheSpecBits() {
        assertThat(new int[] {GetVersion64.FLAG_MP, GetVersion64.FLAG_DATA, GetVersion64.FLAG_PTR64,
                GetVersion64.FLAG_NOMM, GetVersion64.FLAG_HSS, GetVersion64.FLAG_PARTITIONS,
                GetVersion64.FLAG_HAL_IN_NTOS}).containsExactly(1, 2, 4, 8, 0x10, 0x20, 0x40);
    }

    @Test
    void narrowFieldsRejectWiderValues() {
        assertThatThrownBy(() -> new GetVersion64(0x10000, 0, 6, 2, 0, 0x8664, 0x0C, 3, 0x33, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("major version");
        assertThatThrownBy(() -> new GetVersion64(0x0F, 0, 0x100, 2, 0, 0x8664, 0x0C, 3, 0x33, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("protocol version");
    }
}
