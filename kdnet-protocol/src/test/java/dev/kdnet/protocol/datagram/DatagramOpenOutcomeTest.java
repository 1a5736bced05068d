package dev.kdnet.protocol.datagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.testing.ReferenceCrypto;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each way a datagram can be refused gets its own typed outcome; nothing throws. */
class DatagramOpenOutcomeTest {
    private static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");
    private static final SessionKeys CONTROL_ONLY = SessionKeys.of(KEY);
    private static final SessionKeys KEYED = CONTROL_ONLY.withDataKey(DataKey.derive(KEY, new byte[322]));
    private final DatagramCrypto crypto = new DatagramCrypto();

    private byte[] sealed(Channel channel, Direction direction, byte[] body) {
        return crypto.seal(KEYED, new Datagram(4, channel, 7, direction, ByteBuffer.wrap(body)));
    }

    private static OpenOutcome rejected(RejectReason reason) {
        return new OpenOutcome.Rejected(reason);
    }

    @Test
    void theLargestKdPacketSealsToTheMaximumAndOneBlockMoreIsOversized() {
        assertThat(DatagramCrypto.MAX_BODY_LENGTH).isEqualTo(KdPacket.HEADER_LENGTH + KdPacket.PACKET_MAX_SIZE);
        byte[] largest = sealed(Channel.DATA, Direction.TARGET_TO_HOST, new byte[16 + 4000]);
        assertThat(largest).hasSize(6 + 4032 + 16).hasSize(DatagramCrypto.MAX_LENGTH);
        assertThat(crypto.open(KEYED, ByteBuffer.wrap(largest)).isOpened()).isTrue();

        byte[] oneBlockMore = sealed(Channel.DATA, Direction.TARGET_TO_HOST, new byte[16 + 4000 + 16]);
        assertThat(oneBlockMore).hasSize(4054 + 16);
        assertThat(crypto.open(KEYED, ByteBuffer.wrap(oneBlockMore))).isEqualTo(rejected(RejectReason.OVERSIZED));
    }

    @Test
    void oversizedIsDecidedBeforeMagicOrLength() {
        assertThat(crypto.open(KEYED, ByteBuffer.wrap(new byte[4055]))).isEqualTo(rejected(RejectReason.OVERSIZED));
        assertThat(crypto.open(KEYED, ByteBuffer.wrap(new byte[9000]))).isEqualTo(rejected(RejectReason.OVERSIZED));
        byte[] forgedMaximum = Arrays.copyOf(DatagramCrypto.MAGIC, 4054);
        assertThat(crypto.open(KEYED, ByteBuffer.wrap(forgedMaximum))).isEqualTo(rejected(RejectReason.HMAC_MISMATCH));
        assertThat(crypto.open(KEYED, ByteBuffer.wrap(Arrays.copyOf(forgedMaximum, 4053))))
                .isEqualTo(rejected(RejectReason.BAD_LENGTH));
    }

    @Test
    void badMagic() {
        byte[] wire = sealed(Channel.CONTROL, Direction.TARGET_TO_HOST, new byte[10]);
        wire[0] = 'X';
        assertThat(crypto.open(KEYED, ByteBuffer.wrap(wire))).isEqualTo(rejected(RejectReason.BAD_MAGIC));
        assertThat(crypto.open(KEYED, ByteBuffer.wrap(new byte[] {'M', 'D'}))).isEqualTo(rejected(RejectReason.BAD_MAGIC));
    }

    @Test
    void badLength() {
        byte[] wire = sealed(Channel.CONTROL, Direction.TARGET_TO_HOST, new byte[10]);
        assertThat(crypto.open(KEYED, ByteBuffer.wrap(Arrays.copyOf(wire, wire.length - 1)))).isEqualTo(rejected(RejectReason.BAD_LENGTH));
        assertThat(crypto.open(KEYED, ByteBuffer.wrap(Arrays.copyOf(wire, 37)))).isEqualTo(rejected(RejectReason.BAD_LENGTH));
        assertThat(crypto.open(KEYED, ByteBuffer.wrap(Arrays.copyOf(wire, 4)))).isEqualTo(rejected(RejectReason.BAD_LENGTH));
    }

    @Test
    void unknownChannel() {
        byte[] wire = sealed(Channel.CONTROL, Direction.TARGET_TO_HOST, new byte[10]);
        wire[5] = 2;
        assertThat(crypto.open(KEYED, ByteBuffer.wrap(wire))).isEqualTo(rejected(RejectReason.UNKNOWN_CHANNEL));
    }

    @Test
    void dataBeforeTheDataKeyExists() {
        byte[] wire = sealed(Channel.DATA, Direction.TARGET_TO_HOST, new byte[10]);
        assertThat(crypto.open(CONTROL_ONLY, ByteBuffer.wrap(wire))).isEqualTo(rejected(RejectReason.NO_DATA_KEY));
        assertThatThrownBy(() -> crypto.seal(CONTROL_ONLY, new Datagram(4, Channel.DATA, 1,
                Direction.HOST_TO_TARGET, ByteBuffer.wrap(new byte[1])))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hmacMismatchOnAnyFlippedBit() {
        byte[] wire = sealed(Channel.DATA, Direction.TARGET_TO_HOST, new byte[40]);
        for (int bit = 4 * 8; bit < wire.length * 8; bit++) {
            if (bit / 8 == 5) {
                continue; // flipping the channel byte gives UNKNOWN_CHANNEL or the other key; covered elsewhere
            }
            byte[] flipped = wire.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(crypto.open(KEYED, ByteBuffer.wrap(flipped))).as("bit %d", bit).isEqualTo(rejected(RejectReason.HMAC_MISMATCH));
        }
    }

    @Test
    void wrongDirection() {
        byte[] wire = sealed(Channel.DATA, Direction.HOST_TO_TARGET, new byte[3]);
        assertThat(crypto.open(KEYED, ByteBuffer.wrap(wire), Direction.TARGET_TO_HOST)).isEqualTo(rejected(RejectReason.WRONG_DIRECTION));
        assertThat(crypto.open(KEYED, ByteBuffer.wrap(wire), Direction.HOST_TO_TARGET).isOpened()).isTrue();
    }

    @Test
    void badPaddingEvenWithAValidHmac() {
        byte[] tooLongPad = ReferenceCrypto.plaintext(1, false, new byte[8]);
        tooLongPad[7] = 0x10;
        byte[] nonZeroPad = ReferenceCrypto.plaintext(1, false, new byte[3]);
        nonZeroPad[nonZeroPad.length - 1] = 1;
        byte[] padPastHeader = new byte[16];
        padPastHeader[7] = 0x0F;
        for (byte[] plain : new byte[][] {tooLongPad, nonZeroPad, padPastHeader}) {
            byte[] wire = ReferenceCrypto.seal(KEY.rootKey(), KEY.hmacKey(), 4, 1, plain);
            assertThat(crypto.open(KEYED, ByteBuffer.wrap(wire))).isEqualTo(rejected(RejectReason.BAD_PADDING));
        }
    }

    @Test
    void emptyControlBodyIsOneBlockAndAnyVersionIsEchoed() {
        byte[] wire = crypto.seal(KEYED, new Datagram(0xEE, Channel.CONTROL, 5, Direction.HOST_TO_TARGET, ByteBuffer.wrap(new byte[0])));
        assertThat(wire).hasSize(38);
        Datagram opened = ((OpenOutcome.Opened) crypto.open(KEYED, ByteBuffer.wrap(wire))).datagram();
        assertThat(opened.version()).isEqualTo(0xEE);
        assertThat(opened.bodyLength()).isZero();
        assertThat(opened.padLength()).isEqualTo(8);
    }
}
