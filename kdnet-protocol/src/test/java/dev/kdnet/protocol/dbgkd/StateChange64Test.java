package dev.kdnet.protocol.dbgkd;

import static dev.kdnet.protocol.dbgkd.UnionViewProperties.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.testing.Hex;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * DBGKD_ANY_WAIT_STATE_CHANGE (kd-protocol §3.4–3.5) against real state changes: three of the boot-debugger
 * session CAP-BD (decoded from {@code ../shared/captures/windbg-uncut.pcapng.gz}) and the Win 8.1 break-in of
 * Appendix A.
 */
class StateChange64Test {
    /** CAP-BD frame 8: LoadSymbols winload.efi (252 bytes; stack garbage in the union after UnloadSymbols). */
    private static final String LOAD_WINLOAD = "3130000000000000010000000000000000000000000000008596a70000000000"
            + "0c0000000000000000f0960000000000ffffffffffffffff3f9e140000d01700"
            + "0045aa00000000005445aa000000000000000000000000008006aa0000000000"
            + "000000000000000000000000000000000000000000000000a2cac52d992b0000"
            + "306a1a0000000000686b1a000000000000f09600000000000000000000000000"
            + "106a1a00000000006593a1000000000000000000000000006327a60000000000"
            + "f00ffeff0000000000040000000000000600000010000100ccc3cccccccccccc"
            + "cccccccccccccccc100030003000300077696e6c6f61642e65666900";
    /** CAP-BD frame 378: Exception 0x80000003 (garbage in the alignment and unused information slots). */
    private static final String BOOT_BREAKPOINT = "3030000000000000010000000000000000000000000000007ef09c0000000000"
            + "030000800000000000000000000000007df09c00000000000100000001f8ffff"
            + "0000000000000000800000000000000000000000000000000000000000000000"
            + "4059aa0000000000800000000000000065000000000000000000000000000000"
            + "800000000000000000000000000000005cb90001801f0000266e9f0712924c49"
            + "8e8e3b1b07cd311fd5d76b63644cbb4391bb8efdd141c5bb0100000000000000"
            + "f00ffeff0000000000040000000000000200000010000100cc488b5c2440488b"
            + "6c2448488b7424501000300030003000";
    /** CAP-BD frame 952: LoadSymbols "unload all" (Unload 1, BaseOfDll −1, no path). */
    private static final String UNLOAD_ALL = "3130000000000000010000000000000000000000000000008596a70000000000"
            + "0000000001f8ffffffffffffffffffff00000000000000000000000000000000"
            + "01edff7f000000000100000000000000010000f0010000f0f895fe5f00000000"
            + "ffdf1e0000000000d02b4f5d0000000040974e5d00000000416ce55f00000000"
            + "181cff5f000000009597fe5f0000000070824e5d000000001e2d4f5d00000000"
            + "80d4c37b01f8ffff296ce55f000000000000b4ff00000000416ce55f00000000"
            + "f00ffeff0000000000040000000000004600000010000100ccc3cccccccccccc"
            + "cccccccccccccccc1000300030003000";
    /** CAP-81 Win 8.1 break-in (Appendix A): bytes 0x00–0x3F and the control report at 0xC0. */
    private static final String WIN81_HEAD = "30300000 0600 0000 01000000 00000000 005af66b02f8ffff 902bd76b02f8ffff"
            + "03000080 00000000 0000000000000000 902bd76b02f8ffff 01000000 00000000";
    private static final long WIN81_THREAD = 0xFFFFF8026BF65A00L;
    private static final long WIN81_PC = 0xFFFFF8026BD72B90L;

    @Test
    void decodesTheRealLoadSymbolsOfWinload() {
        byte[] payload = Hex.bytes(LOAD_WINLOAD);
        StateChange64 change = StateChange64.decode(ByteBuffer.wrap(payload)).orElseThrow();
        assertThat(change.newState()).isEqualTo(StateChange64.LOAD_SYMBOLS);
        assertThat(change.processor()).isZero();
        assertThat(change.numberProcessors()).isEqualTo(1);
        assertThat(change.thread()).as("boot debugger").isZero();
        assertThat(change.programCounter()).isEqualTo(0xA79685L);
        assertThat(LoadSymbols64.from(change.union()))
                .isEqualTo(new LoadSymbols64(12, 0x96F000, LoadSymbols64.KERNEL_PROCESS_ID, 0x149E3F, 0x17D000, 0));
        assertThat(change.extraStrings()).containsExactly("winload.efi");
        assertThat(change.controlReport().segCs()).isEqualTo(0x10);
        assertThat(change.encode()).isEqualTo(payload);
    }

    @Test
    void loadSymbolsFactoryBuildsTheRealBytesApartFromTheUnionGarbage() {
        StateChange64 real = StateChange64.decode(ByteBuffer.wrap(Hex.bytes(LOAD_WINLOAD))).orElseThrow();
        StateChange64 built = StateChange64.loadSymbols(0, 0, 1, 0, 0xA79685L,
                LoadSymbols64.of(0x96F000, LoadSymbols64.KERNEL_PROCESS_ID, 0x149E3F, 0x17D000, false),
                "winload.efi", real.controlReport());
        byte[] expected = Hex.bytes(LOAD_WINLOAD);
        Arrays.fill(expected, 0x20 + 0x21, 0xC0, (byte) 0);
        assertThat(Hex.of(built.encode())).isEqualTo(Hex.of(expected));
        assertThat(LoadSymbols64.from(built.union()).pathNameLength()).as("path and NUL").isEqualTo(12);
    }

    @Test
    void decodesTheRealUnloadAll() {
        StateChange64 change = StateChange64.decode(ByteBuffer.wrap(Hex.bytes(UNLOAD_ALL))).orElseThrow();
        LoadSymbols64 symbols = LoadSymbols64.from(change.union());
        assertThat(symbols.isUnload()).isTrue();
        assertThat(symbols.baseOfDll()).isEqualTo(-1);
        assertThat(symbols.pathNameLength()).isZero();
        assertThat(change.extraStrings()).isEmpty();
        assertThat(symbols.writeInto(change.union())).isEqualTo(change.union());
        assertThat(change.encode()).isEqualTo(Hex.bytes(UNLOAD_ALL));
    }

    @Test
    void decodesTheRealBootBreakpointAndKeepsItsGarbage() {
        byte[] payload = Hex.bytes(BOOT_BREAKPOINT);
        StateChange64 change = StateChange64.decode(ByteBuffer.wrap(payload)).orElseThrow();
        assertThat(change.newState()).isEqualTo(StateChange64.EXCEPTION);
        assertThat(change.programCounter()).isEqualTo(0x9CF07EL);
        ExceptionRecord64 record = ExceptionRecord64.from(change.union());
        assertThat(record.code()).isEqualTo(NtStatus.BREAKPOINT);
        assertThat(record.address()).isEqualTo(0x9CF07DL);
        assertThat(record.numberParameters()).isEqualTo(1);
        assertThat(record.information()[0]).isZero();
        assertThat(record.isFirstChance()).isTrue();
        assertThat(change.controlReport().instructionStream()[0]).isEqualTo((byte) 0xCC);
        assertThat(record.writeInto(change.union())).isEqualTo(change.union());
        assertThat(change.encode()).isEqualTo(payload);
    }

    @Test
    void exceptionFactoryBuildsTheRealWindows81BreakIn() {
        ControlReport report = ControlReport.from(ByteBuffer.wrap(Hex.bytes(ControlReportTest.WIN81_REPORT)));
        StateChange64 built = StateChange64.exception(6, 0, 1, WIN81_THREAD, WIN81_PC,
                ExceptionRecord64.of(NtStatus.BREAKPOINT, WIN81_PC, true, 0), report);
        byte[] bytes = built.encode();
        assertThat(bytes).hasSize(StateChange64.LENGTH);
        assertThat(Hex.of(Arrays.copyOf(bytes, 0x40))).isEqualTo(Hex.of(Hex.bytes(WIN81_HEAD)));
        assertThat(Hex.of(Arrays.copyOfRange(bytes, 0xB8, 0xBC))).as("FirstChance").isEqualTo("01000000");
        assertThat(Hex.of(Arrays.copyOfRange(bytes, 0xC0, 0xF0))).isEqualTo(ControlReportTest.WIN81_REPORT);

        StateChange64 decoded = StateChange64.decode(ByteBuffer.wrap(bytes)).orElseThrow();
        assertThat(decoded).isEqualTo(built);
        assertThat(ExceptionRecord64.from(decoded.union()))
                .isEqualTo(ExceptionRecord64.of(NtStatus.BREAKPOINT, WIN81_PC, true, 0));
        assertThat(decoded.processorLevel()).isEqualTo(6);
    }

    @Test
    void commandStringCarriesNameAndCommand() {
        ControlReport report = ControlReport.from(ByteBuffer.wrap(Hex.bytes(ControlReportTest.WIN81_REPORT)));
        StateChange64 change = StateChange64.commandString(6, 1, 2, WIN81_THREAD, WIN81_PC, "kdnet", "!process 0 0",
                report);
        byte[] bytes = change.encode();
        assertThat(Hex.of(Arrays.copyOfRange(bytes, StateChange64.LENGTH, bytes.length)))
                .isEqualTo(Hex.of("kdnet\0!process 0 0\0".getBytes(StandardCharsets.US_ASCII)));
        StateChange64 decoded = StateChange64.decode(ByteBuffer.wrap(bytes)).orElseThrow();
        assertThat(decoded.newState()).isEqualTo(StateChange64.COMMAND_STRING);
        assertThat(decoded.extraStrings()).containsExactly("kdnet", "!process 0 0");
        assertThat(CommandString.from(decoded.union()).flags()).isZero();
    }

    @Test
    void unknownStatesAndTrailingBytesSurvive() {
        byte[] payload = Hex.bytes(BOOT_BREAKPOINT + "41420043");
        payload[0] = 0x33;
        payload[2] = 0x01;
        StateChange64 change = StateChange64.decode(ByteBuffer.wrap(payload)).orElseThrow();
        assertThat(change.newState()).isEqualTo(0x13033);
        assertThat(change.extraStrings()).containsExactly("AB", "C");
        assertThat(change.encode()).isEqualTo(payload);
    }

    @Test
    void randomPayloadsRoundTripByteForByte() {
        SplittableRandom random = new SplittableRandom(0xF0);
        for (int round = 0; round < 2000; round++) {
            byte[] payload = randomBytes(random, StateChange64.LENGTH + random.nextInt(300));
            assertThat(StateChange64.decode(ByteBuffer.wrap(payload)).orElseThrow().encode()).as("round %d", round).isEqualTo(payload);
        }
    }

    @Test
    void truncatedPayloadsAreMalformedNotThrown() {
        for (int length = 0; length < StateChange64.LENGTH; length++) {
            assertThat(StateChange64.decode(ByteBuffer.wrap(new byte[length]))).as("length %d", length)
                    .isInstanceOf(Decoded.Malformed.class);
        }
        assertThat(StateChange64.decode(ByteBuffer.wrap(new byte[239])))
                .isEqualTo(Decoded.malformed("state change payload of 239 bytes; expected at least 240"));
    }

    @Test
    void constructorChecksItsArguments() {
        ControlReport report = ControlReport.from(ByteBuffer.wrap(new byte[ControlReport.LENGTH]));
        assertThatThrownBy(() -> new StateChange64(StateChange64.EXCEPTION, 0, 0, 1, 0, 0, 0, ByteBuffer.wrap(new byte[40]), report,
                ByteBuffer.wrap(new byte[0]))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("160");
        assertThatThrownBy(() -> new StateChange64(StateChange64.EXCEPTION, 0x10000, 0, 1, 0, 0, 0, ByteBuffer.wrap(new byte[160]),
                report, ByteBuffer.wrap(new byte[0]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExceptionRecord64.of(NtStatus.BREAKPOINT, 0, true, new long[16]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
