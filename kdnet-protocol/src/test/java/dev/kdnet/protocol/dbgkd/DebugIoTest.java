package dev.kdnet.protocol.dbgkd;

import static dev.kdnet.protocol.dbgkd.UnionViewProperties.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.testing.Hex;
import dev.kdnet.protocol.testing.KdnetVectors;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DBGKD_DEBUG_IO (kd-protocol §3.7) against the real PrintString of CAP-BD frame 4 (kdnet-wire §9). */
class DebugIoTest {
    private static final String BANNER = "BD: Boot Debugger Initialized\n";
    /** Frame 4's KD payload: PrintString, LengthOfString 30, the boot debugger's 2047 in the unused field. */
    private static final String FRAME4_PAYLOAD = "30320000 0000 0000 1e000000 ff070000"
            + "42443a20426f6f7420446562756767657220496e697469616c697a65640a";

    @Test
    void decodesTheRealPrintString() {
        byte[] payload = Hex.bytes(FRAME4_PAYLOAD);
        DebugIo print = DebugIo.decode(ByteBuffer.wrap(payload)).orElseThrow();
        assertThat(print.apiNumber()).isEqualTo(DebugIo.PRINT_STRING);
        assertThat(print.processorLevel()).isZero();
        assertThat(print.processor()).isZero();
        assertThat(print.lengthOfString()).isEqualTo(30);
        assertThat(print.lengthOfStringRead()).isEqualTo(2047);
        assertThat(print.text()).isEqualTo(BANNER);
        assertThat(print.encode()).isEqualTo(payload);
    }

    @Test
    void thePayloadIsWhatFrame4OfTheVectorFileCarries() {
        KdnetVectors.Vector frame4 = KdnetVectors.all().stream()
                .filter(v -> v.session().equals("windbg-uncut") && v.name().equals("frame4")).findFirst()
                .orElseThrow();
        byte[] kdPacket = frame4.body();
        assertThat(Arrays.copyOfRange(kdPacket, 16, kdPacket.length)).isEqualTo(Hex.bytes(FRAME4_PAYLOAD));
    }

    @Test
    void printStringBuildsTheRealBytesWithAZeroSecondLength() {
        byte[] expected = Hex.bytes(FRAME4_PAYLOAD);
        Arrays.fill(expected, 0x0C, 0x10, (byte) 0);
        assertThat(DebugIo.printString(0, 0, BANNER).encode()).isEqualTo(expected);
        assertThat(DebugIo.printString(0, 0, "€").text()).as("one byte per character").isEqualTo("?");
    }

    @Test
    void getStringReplyEchoesThePromptHeaderAndCountsTheAnswer() {
        DebugIo prompt = DebugIo.getString(6, 1, "Break, Ignore, terminate Process or Thread (bipt)? ", 512);
        assertThat(prompt.lengthOfString()).isEqualTo(51);
        assertThat(prompt.lengthOfStringRead()).isEqualTo(512);

        DebugIo reply = DebugIo.getStringReply(DebugIo.decode(ByteBuffer.wrap(prompt.encode())).orElseThrow(), "i");
        assertThat(Hex.of(reply.encode())).isEqualTo("31320000" + "0600" + "0100" + "33000000" + "01000000" + "69");
        assertThat(reply.text()).isEqualTo("i");
    }

    @Test
    void randomPayloadsRoundTripByteForByte() {
        SplittableRandom random = new SplittableRandom(0x3230);
        for (int round = 0; round < 2000; round++) {
            byte[] payload = randomBytes(random, DebugIo.HEADER_LENGTH + random.nextInt(200));
            assertThat(DebugIo.decode(ByteBuffer.wrap(payload)).orElseThrow().encode()).as("round %d", round).isEqualTo(payload);
        }
    }

    @Test
    void truncatedPayloadsAreMalformedNotThrown() {
        for (int length = 0; length < DebugIo.HEADER_LENGTH; length++) {
            assertThat(DebugIo.decode(ByteBuffer.wrap(new byte[length]))).as("length %d", length).isInstanceOf(Decoded.Malformed.class);
        }
        assertThat(DebugIo.decode(ByteBuffer.wrap(new byte[3])))
                .isEqualTo(Decoded.malformed("debug I/O payload of 3 bytes; expected at least 16"));
    }
}
