package dev.kdnet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.key.KdnetKey;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A memory reply's data is copied once on its way up from the socket's buffer (docs/protocol.md, "Copies of a
 * memory reply"): the decryption writes the plaintext, and the opened datagram's body (built over that array by
 * {@link DatagramCrypto#open}), the KD packet's payload and the manipulate reply's data are views of it. The
 * caller's copy out of the view is the second.
 */
class DecodeChainSharesBytesTest {
    private static final SessionKeys KEYS =
            SessionKeys.of(KdnetKey.parse("1.2.3.4")).withDataKey(DataKey.derive(KdnetKey.parse("1.2.3.4"),
                    new byte[322]));

    @ParameterizedTest(name = "wire bytes in a {0} buffer")
    @ValueSource(strings = {"heap", "direct"})
    void theReplyDataIsAViewOfTheOpenedPlaintext(String kind) {
        byte[] memory = new byte[0x448];
        new SplittableRandom(0x448).nextBytes(memory);
        ManipulateState64 reply = ManipulateState64.request(ManipulateApi.READ_PHYSICAL_MEMORY, 0)
                .reply(NtStatus.SUCCESS, MemoryTransfer.request(0x1000, memory.length).withActualBytes(memory.length),
                        memory);
        KdPacket packet = KdPacket.data(KdPacketType.STATE_MANIPULATE, 0x80800001, reply.encode());
        DatagramCrypto crypto = new DatagramCrypto();
        byte[] sealed = crypto.seal(KEYS, Datagram.of(6, Channel.DATA, 7, Direction.TARGET_TO_HOST,
                packet.encode()));
        ByteBuffer wire = kind.equals("direct") ? ByteBuffer.allocateDirect(sealed.length).put(sealed).flip()
                : ByteBuffer.wrap(sealed);

        Datagram datagram = ((OpenOutcome.Opened) crypto.open(KEYS, wire, Direction.TARGET_TO_HOST)).datagram();
        KdPacket decoded = (KdPacket) KdBody.decode(datagram.body()).orElseThrow();
        ByteBuffer data = ManipulateState64.decode(decoded.payload()).orElseThrow().data();

        assertThat(WireBytes.toArray(data)).isEqualTo(memory);
        assertThat(data.isReadOnly()).isTrue();
    }

    @ParameterizedTest(name = "a body in a {0} buffer")
    @ValueSource(strings = {"heap", "direct"})
    void datagramBodyPacketPayloadAndReplyDataAreViewsOfOneBuffer(String kind) {
        byte[] memory = {1, 2, 3, 4};
        ManipulateState64 reply = ManipulateState64.request(ManipulateApi.READ_PHYSICAL_MEMORY, 0)
                .reply(NtStatus.SUCCESS, MemoryTransfer.request(0x1000, 4).withActualBytes(4), memory);
        byte[] body = KdPacket.data(KdPacketType.STATE_MANIPULATE, 1, reply.encode()).encode();
        ByteBuffer plaintext = kind.equals("direct") ? ByteBuffer.allocateDirect(body.length).put(body).flip()
                : ByteBuffer.wrap(body);
        Datagram datagram = new Datagram(6, Channel.DATA, 7, Direction.TARGET_TO_HOST, plaintext);
        KdPacket decoded = (KdPacket) KdBody.decode(datagram.body()).orElseThrow();
        ByteBuffer data = ManipulateState64.decode(decoded.payload()).orElseThrow().data();

        plaintext.put(body.length - 4, (byte) 0x55);

        assertThat(WireBytes.toArray(data)).as("a change to the buffer shows through every view")
                .containsExactly(0x55, 2, 3, 4);
    }
}
