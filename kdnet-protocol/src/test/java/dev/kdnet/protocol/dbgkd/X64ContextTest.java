package dev.kdnet.protocol.dbgkd;

import static dev.kdnet.protocol.dbgkd.UnionViewProperties.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.testing.Hex;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The x64 CONTEXT (kd-protocol §3.9): the spec's offsets and the real boot-debugger CONTEXT of CAP-BD. */
class X64ContextTest {
    /**
     * The non-zero 16-byte rows of the CONTEXT in the GetContext reply of CAP-BD frame 196 (decoded from
     * {@code ../shared/captures/windbg-uncut.pcapng.gz}); every other byte of the 1232 is zero.
     */
    private static final Map<Integer, String> BOOT_CONTEXT_ROWS = Map.ofEntries(
            Map.entry(0x30, "1b001000000000001000300030003000"), Map.entry(0x40, "30000000060000000000000000000000"),
            Map.entry(0x70, "00000000000000000300000000000000"), Map.entry(0x80, "206e1a0000000000c06d1a0000000000"),
            Map.entry(0x90, "206e1a0000000000986d1a0000000000"), Map.entry(0xA0, "306e1a0000000000309ec47b01f8ffff"),
            Map.entry(0xB0, "01000000000000000300000000000000"), Map.entry(0xC0, "006e1a00000000000000000000000000"),
            Map.entry(0xD0, "00000000000000000100000000000000"), Map.entry(0xE0, "00f096000000000001781a0000000000"),
            Map.entry(0xF0, "3c701a00000000008596a70000000000"));

    private static byte[] bootContext() {
        byte[] bytes = new byte[X64Context.LENGTH];
        BOOT_CONTEXT_ROWS.forEach((offset, row) -> System.arraycopy(Hex.bytes(row), 0, bytes, offset, 16));
        return bytes;
    }

    @Test
    void registerOffsetsAndSizesAreTheSpecTable() {
        Map<X64Register, Integer> offsets = new EnumMap<>(X64Register.class);
        offsets.putAll(Map.of(X64Register.CONTEXT_FLAGS, 0x30, X64Register.MXCSR, 0x34, X64Register.CS, 0x38,
                X64Register.DS, 0x3A, X64Register.ES, 0x3C, X64Register.FS, 0x3E, X64Register.GS, 0x40,
                X64Register.SS, 0x42, X64Register.EFLAGS, 0x44));
        offsets.putAll(Map.of(X64Register.DR0, 0x48, X64Register.DR1, 0x50, X64Register.DR2, 0x58,
                X64Register.DR3, 0x60, X64Register.DR6, 0x68, X64Register.DR7, 0x70));
        offsets.putAll(Map.of(X64Register.RAX, 0x78, X64Register.RCX, 0x80, X64Register.RDX, 0x88,
                X64Register.RBX, 0x90, X64Register.RSP, 0x98, X64Register.RBP, 0xA0, X64Register.RSI, 0xA8,
                X64Register.RDI, 0xB0));
        offsets.putAll(Map.of(X64Register.R8, 0xB8, X64Register.R9, 0xC0, X64Register.R10, 0xC8,
                X64Register.R11, 0xD0, X64Register.R12, 0xD8, X64Register.R13, 0xE0, X64Register.R14, 0xE8,
                X64Register.R15, 0xF0, X64Register.RIP, 0xF8));
        assertThat(offsets).hasSize(X64Register.values().length);
        for (X64Register register : X64Register.values()) {
            assertThat(register.offset()).as(register.name()).isEqualTo(offsets.get(register));
            int expectedSize = register.offset() < 0x38 || register == X64Register.EFLAGS ? 4
                    : register.offset() < 0x44 ? 2 : 8;
            assertThat(register.size()).as(register.name()).isEqualTo(expectedSize);
        }
    }

    @Test
    void decodesTheRealBootDebuggerContext() {
        byte[] bytes = bootContext();
        X64Context context = X64Context.decode(ByteBuffer.wrap(bytes)).orElseThrow();
        assertThat(context.get(X64Register.CONTEXT_FLAGS)).isEqualTo(0x10001B);
        assertThat(context.get(X64Register.CS)).isEqualTo(0x10);
        assertThat(context.get(X64Register.DS)).isEqualTo(0x30);
        assertThat(context.get(X64Register.ES)).isEqualTo(0x30);
        assertThat(context.get(X64Register.FS)).isEqualTo(0x30);
        assertThat(context.get(X64Register.GS)).isEqualTo(0x30);
        assertThat(context.get(X64Register.EFLAGS)).isEqualTo(6);
        assertThat(context.get(X64Register.RIP)).as("the state change's PC").isEqualTo(0xA79685L);
        assertThat(context.get(X64Register.RSP)).isEqualTo(0x1A6D98L);
        assertThat(context.get(X64Register.RSI)).isEqualTo(0xFFFFF8017BC49E30L);
        assertThat(context.encode()).isEqualTo(bytes);
    }

    @Test
    void withChangesOneRegisterInACopy() {
        X64Context context = X64Context.decode(ByteBuffer.wrap(bootContext())).orElseThrow();
        X64Context stepped = context.with(X64Register.RIP, context.get(X64Register.RIP) + 1);
        assertThat(stepped.get(X64Register.RIP)).isEqualTo(0xA79686L);
        assertThat(context.get(X64Register.RIP)).isEqualTo(0xA79685L);
        byte[] expected = bootContext();
        expected[0xF8] = (byte) 0x86;
        assertThat(stepped.encode()).isEqualTo(expected);
        assertThat(stepped).isNotEqualTo(context).isEqualTo(X64Context.decode(ByteBuffer.wrap(expected)).orElseThrow())
                .hasSameHashCodeAs(X64Context.decode(ByteBuffer.wrap(expected)).orElseThrow());

        assertThat(X64Context.zero().with(X64Register.EFLAGS, 0xFFFF_FFFFL).get(X64Register.EFLAGS))
                .isEqualTo(0xFFFF_FFFFL);
        assertThat(X64Context.zero().with(X64Register.RAX, -1).get(X64Register.RAX)).isEqualTo(-1);
        assertThatThrownBy(() -> X64Context.zero().with(X64Register.CS, 0x10000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CS");
        assertThatThrownBy(() -> X64Context.zero().with(X64Register.EFLAGS, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registersAreFoundByNameIgnoringCase() {
        assertThat(X64Register.byName("rip")).contains(X64Register.RIP);
        assertThat(X64Register.byName("RSP")).contains(X64Register.RSP);
        assertThat(X64Register.byName("EFlags")).contains(X64Register.EFLAGS);
        assertThat(X64Register.byName("r15")).contains(X64Register.R15);
        assertThat(X64Register.byName("contextflags")).contains(X64Register.CONTEXT_FLAGS);
        assertThat(X64Register.byName("context_flags")).contains(X64Register.CONTEXT_FLAGS);
        assertThat(X64Register.byName("xmm0")).isEmpty();
        assertThat(X64Register.RIP.registerName()).isEqualTo("rip");
    }

    @Test
    void xmmRegistersAreSixteenByteSlicesFrom0x1A0() {
        byte[] bytes = new byte[X64Context.LENGTH];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i / 16);
        }
        X64Context context = X64Context.decode(ByteBuffer.wrap(bytes)).orElseThrow();
        assertThat(context.xmm(0)).containsOnly(0x1A);
        assertThat(context.xmm(15)).containsOnly(0x29);
        assertThatThrownBy(() -> context.xmm(16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> context.xmm(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contextFlagConstantsAreTheSpecValues() {
        assertThat(X64Context.CONTEXT_FULL).isEqualTo(0x10000B);
        assertThat(X64Context.CONTEXT_ALL).isEqualTo(0x10001F);
        assertThat(X64Context.CONTEXT_XSTATE).isEqualTo(0x100040);
        assertThat(X64Context.CONTEXT_CONTROL | X64Context.CONTEXT_INTEGER | X64Context.CONTEXT_SEGMENTS)
                .isEqualTo(0x100007);
    }

    @Test
    void randomContextsRoundTripAndOtherLengthsAreMalformed() {
        SplittableRandom random = new SplittableRandom(0x4D0);
        for (int round = 0; round < 200; round++) {
            byte[] bytes = randomBytes(random, X64Context.LENGTH);
            assertThat(X64Context.decode(ByteBuffer.wrap(bytes)).orElseThrow().encode()).isEqualTo(bytes);
        }
        for (int length : new int[] {0, 1, X64Context.LENGTH - 1, X64Context.LENGTH + 1, 4000}) {
            assertThat(X64Context.decode(ByteBuffer.wrap(new byte[length]))).as("length %d", length)
                    .isInstanceOf(Decoded.Malformed.class);
        }
        assertThat(X64Context.decode(ByteBuffer.wrap(new byte[100])))
                .isEqualTo(Decoded.malformed("CONTEXT of 100 bytes; expected 1232"));
    }
}
