package dev.kdnet.protocol.datagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.testing.Hex;
import dev.kdnet.protocol.testing.ReferenceCrypto;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The JDK path (AES/CBC/NoPadding + HmacSHA256) agrees with BouncyCastle's independent primitives. */
class DatagramCryptoAgreementTest {
    private static final long SEED = 0x5EED_CAFEL;

    @Test
    void jdkAndBouncyCastleSealAndOpenTenThousandRandomDatagramsAlike() {
        SplittableRandom random = new SplittableRandom(SEED);
        DatagramCrypto crypto = new DatagramCrypto();
        for (int i = 0; i < 10_000; i++) {
            KdnetKey key = KdnetKey.generate(random);
            byte[] responseBody = new byte[322];
            random.nextBytes(responseBody);
            SessionKeys keys = SessionKeys.of(key).withDataKey(DataKey.derive(key, responseBody));
            Channel channel = random.nextBoolean() ? Channel.DATA : Channel.CONTROL;
            boolean toTarget = random.nextBoolean();
            byte[] body = new byte[random.nextInt(1441)];
            random.nextBytes(body);
            long sequence = random.nextLong(Datagram.MAX_SEQUENCE + 1);
            int version = random.nextInt(256);
            Datagram datagram = new Datagram(version, channel,
                    sequence, toTarget ? Direction.HOST_TO_TARGET : Direction.TARGET_TO_HOST, ByteBuffer.wrap(body));
            byte[] aesKey = channel == Channel.CONTROL ? key.rootKey() : keys.dataKey().orElseThrow().bytes();

            byte[] reference = ReferenceCrypto.seal(aesKey, key.hmacKey(), version, channel.wireValue(),
                    ReferenceCrypto.plaintext(sequence, toTarget, body));
            byte[] sealed = crypto.seal(keys, datagram);
            String context = "seed " + SEED + ", datagram " + i;
            assertThat(Hex.of(sealed)).as(context).isEqualTo(Hex.of(reference));
            assertThat(crypto.open(keys, ByteBuffer.wrap(reference))).as(context).isEqualTo(new OpenOutcome.Opened(datagram));
            assertThat(Hex.of(ReferenceCrypto.decrypt(aesKey, sealed))).as(context)
                    .isEqualTo(Hex.of(ReferenceCrypto.plaintext(sequence, toTarget, body)));
        }
    }
}
