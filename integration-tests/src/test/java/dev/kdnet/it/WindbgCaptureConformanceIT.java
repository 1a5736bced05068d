package dev.kdnet.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.RejectReason;
import dev.kdnet.protocol.testing.Hex;
import dev.kdnet.protocol.testing.WindbgCapture;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conformance with a real WinDbg ↔ Windows 10 (build 10586) KDNET session: every datagram authenticates with key
 * 8.8.8.8 and re-seals byte for byte, so what kdnet seals is exactly what Windows and WinDbg send.
 */
class WindbgCaptureConformanceIT {
    private static WindbgCapture capture;

    @BeforeAll
    static void openCapture() throws Exception {
        capture = WindbgCapture.open("8.8.8.8");
    }

    @Test
    void everyDatagramAuthenticates() {
        assertThat(capture.entries).hasSize(955);
        assertThat(capture.entries).allSatisfy(e -> assertThat(e.outcome().isOpened())
                .as("frame %d: %s", e.udp().frame().number(), e.outcome()).isTrue());
        long control = capture.entries.stream().filter(e -> e.datagram().channel() == Channel.CONTROL).count();
        long data = capture.entries.stream().filter(e -> e.datagram().channel() == Channel.DATA).count();
        assertThat(control).isEqualTo(428);
        assertThat(data).isEqualTo(527);
    }

    @Test
    void dataKeyIsDerivedFromTheResponse() {
        assertThat(HexFormat.of().formatHex(capture.dataKey.bytes()))
                .isEqualTo("6bd91c57bd6a551ad30b509c05c0c95b32cc5e47a0866907eaf0b1583384f660");
    }

    @Test
    void everyDatagramReSealsByteForByte() {
        DatagramCrypto crypto = new DatagramCrypto();
        for (WindbgCapture.Entry e : capture.entries) {
            byte[] resealed = crypto.seal(e.keysUsed(), e.datagram());
            assertThat(Hex.of(resealed)).as("frame %d", e.udp().frame().number()).isEqualTo(Hex.of(e.udp().payload()));
        }
    }

    @Test
    void aWrongKeyVerifiesNothing() throws Exception {
        WindbgCapture wrong = WindbgCapture.open("8.8.8.9");
        assertThat(wrong.entries).hasSize(955);
        assertThat(wrong.dataKey).isNull();
        assertThat(wrong.entries).noneMatch(e -> e.outcome().isOpened());
        assertThat(wrong.entries.stream().filter(e -> e.outcome().equals(new OpenOutcome.Rejected(
                RejectReason.HMAC_MISMATCH))).count()).isEqualTo(428);
        assertThat(wrong.entries.stream().filter(e -> e.outcome().equals(new OpenOutcome.Rejected(
                RejectReason.NO_DATA_KEY))).count()).isEqualTo(527);
    }
}
