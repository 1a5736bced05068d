package dev.kdnet.protocol.dbgkd;

import static dev.kdnet.protocol.dbgkd.UnionViewProperties.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.testing.Hex;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * KSPECIAL_REGISTERS (kd-protocol §3.10): the spec's offsets and the real block WinDbg read with
 * ReadControlSpace(2) in CAP-BD frame 208 (decoded from {@code ../shared/captures/windbg-uncut.pcapng.gz}).
 */
class KSpecialRegistersTest {
    private static final String BOOT_BLOCK = "1300008000000000000000000000000000b01a00000000006806040000000000"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "f00ffeff0000000000040000000000000000000000007f0000901a0000000000"
            + "000000000000ff0f80901a000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000700000000000000";
    /** Header of that reply: selector 2, 224 of 224 bytes, WinDbg's garbage echoed. */
    private static final String BOOT_REPLY_HEADER = "37310000 fe7f 0000 00000000 25000000"
            + "0200000000000000 e0000000 e0000000 4003000000000000 4805000025000000 18f1c7d225000000";

    @Test
    void fieldOffsetsAndSizesAreTheSpecTable() {
        int[][] table = {{0x00, 8}, {0x08, 8}, {0x10, 8}, {0x18, 8}, {0x20, 8}, {0x28, 8}, {0x30, 8}, {0x38, 8},
            {0x40, 8}, {0x48, 8}, {0x56, 2}, {0x58, 8}, {0x66, 2}, {0x68, 8}, {0x70, 2}, {0x72, 2}, {0x74, 4},
            {0x78, 8}, {0x80, 8}, {0x88, 8}, {0x90, 8}, {0x98, 8}, {0xA0, 8}, {0xA8, 8}, {0xB0, 8}, {0xB8, 8},
            {0xC0, 8}, {0xC8, 8}, {0xD0, 8}, {0xD8, 8}};
        KSpecialRegister[] fields = KSpecialRegister.values();
        assertThat(fields).hasSameSizeAs(table);
        for (int i = 0; i < fields.length; i++) {
            assertThat(new int[] {fields[i].offset(), fields[i].size()}).as(fields[i].name()).isEqualTo(table[i]);
        }
        assertThat(KSpecialRegister.XCR0.offset() + KSpecialRegister.XCR0.size()).isEqualTo(KSpecialRegisters.LENGTH);
        assertThat(KSpecialRegister.GDTR_LIMIT.offset()).as("after three pad words").isEqualTo(0x50 + 6);
    }

    @Test
    void decodesTheRealBootDebuggerBlock() {
        byte[] bytes = Hex.bytes(BOOT_BLOCK);
        KSpecialRegisters block = KSpecialRegisters.decode(ByteBuffer.wrap(bytes)).orElseThrow();
        assertThat(block.get(KSpecialRegister.CR0)).isEqualTo(0x80000013L);
        assertThat(block.get(KSpecialRegister.CR3)).isEqualTo(0x1AB000L);
        assertThat(block.get(KSpecialRegister.CR4)).isEqualTo(0x40668L);
        assertThat(block.get(KSpecialRegister.KERNEL_DR6)).isEqualTo(0xFFFE0FF0L);
        assertThat(block.get(KSpecialRegister.KERNEL_DR7)).isEqualTo(0x400L);
        assertThat(block.get(KSpecialRegister.GDTR_LIMIT)).isEqualTo(0x7F);
        assertThat(block.get(KSpecialRegister.GDTR_BASE)).isEqualTo(0x1A9000L);
        assertThat(block.get(KSpecialRegister.IDTR_LIMIT)).isEqualTo(0xFFF);
        assertThat(block.get(KSpecialRegister.IDTR_BASE)).isEqualTo(0x1A9080L);
        assertThat(block.get(KSpecialRegister.XCR0)).isEqualTo(7);
        assertThat(block.encode()).isEqualTo(bytes);
    }

    @Test
    void theRealReadControlSpaceReplyCarriesIt() {
        byte[] payload = Hex.bytes(BOOT_REPLY_HEADER + BOOT_BLOCK);
        ManipulateState64 reply = ManipulateState64.decode(ByteBuffer.wrap(payload)).orElseThrow();
        assertThat(reply.api()).isEqualTo(ManipulateApi.READ_CONTROL_SPACE);
        assertThat(MemoryTransfer.from(reply.union())).isEqualTo(
                new MemoryTransfer(KSpecialRegisters.CONTROL_SPACE_SELECTOR, KSpecialRegisters.LENGTH,
                        KSpecialRegisters.LENGTH));
        assertThat(KSpecialRegisters.decode(reply.data()).orElseThrow().get(KSpecialRegister.CR3))
                .isEqualTo(0x1AB000L);
        assertThat(reply.encode()).isEqualTo(payload);
    }

    @Test
    void withChangesOneFieldAndKeepsThePadWords() {
        byte[] bytes = Hex.bytes(BOOT_BLOCK);
        Arrays.fill(bytes, 0x50, 0x56, (byte) 0xEE);
        KSpecialRegisters block = KSpecialRegisters.decode(ByteBuffer.wrap(bytes)).orElseThrow();
        KSpecialRegisters changed = block.with(KSpecialRegister.KERNEL_DR7, 0x401).with(KSpecialRegister.GDTR_LIMIT,
                0xFFFF);
        byte[] expected = bytes.clone();
        expected[0x48] = 0x01;
        expected[0x56] = (byte) 0xFF;
        expected[0x57] = (byte) 0xFF;
        assertThat(changed.encode()).isEqualTo(expected);
        assertThat(block.encode()).isEqualTo(bytes);
        assertThatThrownBy(() -> block.with(KSpecialRegister.TR, 0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(KSpecialRegisters.zero().encode()).isEqualTo(new byte[KSpecialRegisters.LENGTH]);
    }

    @Test
    void randomBlocksRoundTripAndOtherLengthsAreMalformed() {
        SplittableRandom random = new SplittableRandom(0xE0);
        for (int round = 0; round < 500; round++) {
            byte[] bytes = randomBytes(random, KSpecialRegisters.LENGTH);
            assertThat(KSpecialRegisters.decode(ByteBuffer.wrap(bytes)).orElseThrow().encode()).isEqualTo(bytes);
        }
        for (int length : new int[] {0, 0xD8, KSpecialRegisters.LENGTH - 1, KSpecialRegisters.LENGTH + 1}) {
            assertThat(KSpecialRegisters.decode(ByteBuffer.wrap(new byte[length]))).as("length %d", length)
                    .isInstanceOf(Decoded.Malformed.class);
        }
    }
}
