package dev.kdnet.host.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The verdict line and whether the key verifies, from the counts of each kind of capture. */
class CaptureVerdictTest {

    @Test
    void everyDatagramVerifiedIsAGoodCapture() {
        CaptureVerdict verdict = CaptureVerdict.of(counts(Verdict.VERIFIED, 955), false);

        assertThat(verdict).isEqualTo(
                new CaptureVerdict("955 KDNET datagrams in this capture, 955 verified with this key", true));
    }

    @Test
    void someVerifiedIsStillTheRightKeyAndSaysHowManyDoNot() {
        VerdictCounts counts = counts(Verdict.VERIFIED, 3);
        counts.add(Verdict.BAD_HMAC);
        counts.add(Verdict.MALFORMED);
        counts.add(Verdict.NOT_KDNET);

        assertThat(CaptureVerdict.of(counts, false)).isEqualTo(
                new CaptureVerdict("5 KDNET datagrams in this capture, 3 verified with this key, 2 not", true));
    }

    @Test
    void badHmacWithNothingVerifiedIsTheWrongKey() {
        VerdictCounts counts = counts(Verdict.BAD_HMAC, 428);
        counts.add(Verdict.NO_DATA_KEY);

        assertThat(CaptureVerdict.of(counts, false))
                .isEqualTo(new CaptureVerdict("no datagram verifies with this key: the key does not match", false));
    }

    @Test
    void onlyFramesThatAreNotKdnetIsNoKdnetTraffic() {
        assertThat(CaptureVerdict.of(counts(Verdict.NOT_KDNET, 1), false)).isEqualTo(new CaptureVerdict(
                "no KDNET datagrams in this capture: 1 frame, none a UDP datagram starting with MDBG", false));
        assertThat(CaptureVerdict.of(new VerdictCounts(), false)).isEqualTo(new CaptureVerdict(
                "no KDNET datagrams in this capture: 0 frames, none a UDP datagram starting with MDBG", false));
    }

    @Test
    void dataDatagramsWithoutAHandshakeOrOnlyMalformedOnesVerifyNothingForAnotherReason() {
        VerdictCounts unkeyed = counts(Verdict.NO_DATA_KEY, 4);
        unkeyed.add(Verdict.MALFORMED);

        assertThat(CaptureVerdict.of(unkeyed, false)).isEqualTo(new CaptureVerdict("no datagram verifies: no control"
                + " response in this capture keys the data channel (capture from before the target connects)", false));
        assertThat(CaptureVerdict.of(counts(Verdict.MALFORMED, 2), false)).isEqualTo(new CaptureVerdict(
                "no datagram verifies: every KDNET datagram in this capture is malformed", false));
    }

    @Test
    void aCutCaptureSpeaksOfThePartBeforeTheCut() {
        assertThat(CaptureVerdict.of(counts(Verdict.VERIFIED, 1), true)).isEqualTo(
                new CaptureVerdict("1 KDNET datagram before the cut, 1 verified with this key", true));
        assertThat(CaptureVerdict.of(new VerdictCounts(), true).line()).startsWith("no KDNET datagrams before the cut");
    }

    private static VerdictCounts counts(Verdict verdict, int count) {
        VerdictCounts counts = new VerdictCounts();
        for (int i = 0; i < count; i++) {
            counts.add(verdict);
        }
        return counts;
    }
}
