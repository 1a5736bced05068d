package dev.kdnet.protocol.dbgkd;

import static dev.kdnet.protocol.dbgkd.UnionViewProperties.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.testing.Hex;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The DBGKD_MANIPULATE_STATE64 header (kd-protocol §3.1): real requests, the reply echo rule, round trips. */
class ManipulateState64Test {
    /** ReadVirtualMemory 0xAD5E60, 16 bytes: request payload of CAP-BD frame 14 (Appendix A, full union). */
    private static final String READ_REQUEST = "30310000 2500 0000 4e000000 00000000"
            + "605ead0000000000 10000000 f77f0000 a601000000000000 d0ebc7d225000000 11020013fe7f0000";
    /** Its reply, CAP-BD frame 16: status and ActualBytesRead changed, everything else echoed, 16 data bytes. */
    private static final String READ_REPLY = "30310000 2500 0000 00000000 00000000"
            + "605ead0000000000 10000000 10000000 a601000000000000 d0ebc7d225000000 11020013fe7f0000"
            + "309ec47b01f8ffff 5086c57b01f8ffff";

    @Test
    void decodesTheRealGetVersionRequestGarbageAndAll() {
        byte[] payload = Hex.bytes(GetVersion64Test.REQUEST);
        ManipulateState64 request = ManipulateState64.decode(ByteBuffer.wrap(payload)).orElseThrow();
        assertThat(request.api()).isEqualTo(ManipulateApi.GET_VERSION);
        assertThat(request.processorLevel()).isEqualTo(0xFFFF);
        assertThat(request.processor()).isEqualTo(0xFFFF);
        assertThat(request.returnStatus()).isEqualTo(NtStatus.PENDING);
        assertThat(request.padding()).isEqualTo(0x25);
        assertThat(WireBytes.toArray(request.union())).isEqualTo(Arrays.copyOfRange(payload, 0x10, 0x38));
        assertThat(request.dataLength()).isZero();
        assertThat(request.encode()).isEqualTo(payload);
    }

    @Test
    void replyToTheRealReadIsTheRealReply() {
        ManipulateState64 request = ManipulateState64.decode(ByteBuffer.wrap(Hex.bytes(READ_REQUEST))).orElseThrow();
        MemoryTransfer read = MemoryTransfer.from(request.union());
        assertThat(read.targetBaseAddress()).isEqualTo(0xAD5E60L);
        assertThat(read.transferCount()).isEqualTo(16);
        assertThat(request.processorLevel()).as("garbage in WinDbg requests").isEqualTo(0x25);

        byte[] memory = Hex.bytes("309ec47b01f8ffff 5086c57b01f8ffff");
        ManipulateState64 reply = request.reply(NtStatus.SUCCESS, read.withActualBytes(memory.length), memory);
        assertThat(Hex.of(reply.encode())).isEqualTo(Hex.of(Hex.bytes(READ_REPLY)));
        assertThat(ManipulateState64.decode(ByteBuffer.wrap(Hex.bytes(READ_REPLY))).orElseThrow()).isEqualTo(reply);
    }

    @Test
    void replyKeepsEveryRequestByteButReturnStatusAndTheOutputFields() {
        SplittableRandom random = new SplittableRandom(0x3130);
        for (int round = 0; round < 1000; round++) {
            byte[] requestBytes = randomBytes(random, ManipulateState64.HEADER_LENGTH + random.nextInt(64));
            ManipulateState64 request = ManipulateState64.decode(ByteBuffer.wrap(requestBytes)).orElseThrow();
            int status = random.nextInt();
            int actual = random.nextInt();
            byte[] data = randomBytes(random, random.nextInt(32));

            byte[] reply = request.reply(status, MemoryTransfer.from(request.union()).withActualBytes(actual), data)
                    .encode();

            byte[] expected = Arrays.copyOf(requestBytes, ManipulateState64.HEADER_LENGTH + data.length);
            putLe32(expected, 0x08, status);
            putLe32(expected, 0x10 + 0x0C, actual);
            System.arraycopy(data, 0, expected, ManipulateState64.HEADER_LENGTH, data.length);
            assertThat(reply).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void statusOnlyReplyEchoesTheWholeHeaderWithoutData() {
        ManipulateState64 request = ManipulateState64.decode(ByteBuffer.wrap(Hex.bytes(READ_REQUEST + "aabbcc"))).orElseThrow();
        byte[] reply = request.reply(NtStatus.UNSUCCESSFUL).encode();
        byte[] expected = Hex.bytes(READ_REQUEST);
        putLe32(expected, 0x08, NtStatus.UNSUCCESSFUL);
        assertThat(reply).isEqualTo(expected);
    }

    @Test
    void hostRequestsStartFromAZeroUnionAndPendingStatus() {
        ManipulateState64 read = ManipulateState64.request(ManipulateApi.READ_VIRTUAL_MEMORY, 1,
                MemoryTransfer.request(0xFFFFF780_00000000L, 0x448), new byte[0]);
        assertThat(Hex.of(read.encode())).isEqualTo("30310000" + "0000" + "0100" + "03010000" + "00000000"
                + "00000000" + "80f7ffff" + "48040000" + "00000000" + "00".repeat(24));
        assertThat(WireBytes.toArray(ManipulateState64.request(ManipulateApi.GET_VERSION, 0).union()))
                .isEqualTo(new byte[ManipulateState64.UNION_LENGTH]);
        assertThat(WireBytes.toArray(read.withUnion(ByteBuffer.wrap(Hex.bytes("11".repeat(40)))).union())).isEqualTo(Hex.bytes("11".repeat(40)));
    }

    @Test
    void randomPayloadsRoundTripByteForByte() {
        SplittableRandom random = new SplittableRandom(56);
        for (int round = 0; round < 2000; round++) {
            byte[] payload = randomBytes(random, ManipulateState64.HEADER_LENGTH + random.nextInt(1300));
            assertThat(ManipulateState64.decode(ByteBuffer.wrap(payload)).orElseThrow().encode()).as("round %d", round)
                    .isEqualTo(payload);
        }
    }

    @Test
    void truncatedPayloadsAreMalformedNotThrown() {
        for (int length = 0; length < ManipulateState64.HEADER_LENGTH; length++) {
            assertThat(ManipulateState64.decode(ByteBuffer.wrap(new byte[length]))).as("length %d", length)
                    .isInstanceOf(Decoded.Malformed.class);
        }
        assertThat(ManipulateState64.decode(ByteBuffer.wrap(new byte[55])))
                .isEqualTo(Decoded.malformed("manipulate payload of 55 bytes; expected at least 56"));
    }

    @Test
    void constructorSharesItsBuffersReadOnlyAndChecksItsArguments() {
        byte[] union = new byte[ManipulateState64.UNION_LENGTH];
        byte[] data = {1, 2};
        ManipulateState64 state = new ManipulateState64(ManipulateApi.GET_CONTEXT, 6, 0, 0, 0, ByteBuffer.wrap(union), ByteBuffer.wrap(data));
        data[0] = 9;
        assertThat(WireBytes.toArray(state.data())).as("a view, not a copy").containsExactly(9, 2);
        assertThat(state.union().isReadOnly()).isTrue();
        assertThatThrownBy(() -> state.data().put(1, (byte) 7)).isInstanceOf(ReadOnlyBufferException.class);
        state.data().position(1);
        assertThat(state.data().position()).as("each call gives its own position").isZero();

        assertThatThrownBy(() -> new ManipulateState64(ManipulateApi.GET_CONTEXT, 0, 0, 0, 0, ByteBuffer.wrap(new byte[39]), ByteBuffer.wrap(data)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("40");
        assertThatThrownBy(() -> new ManipulateState64(ManipulateApi.GET_CONTEXT, 0, 0x10000, 0, 0, ByteBuffer.wrap(union), ByteBuffer.wrap(data)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("processor");
    }

    private static void putLe32(byte[] bytes, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[offset + i] = (byte) (value >>> 8 * i);
        }
    }
}
