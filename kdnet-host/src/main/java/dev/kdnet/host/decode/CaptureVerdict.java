package dev.kdnet.host.decode;

/**
 * The one-line conclusion of decoding a capture with a key: whether its KDNET datagrams verify with that key, and if
 * none does, the likely reason.
 *
 * @param line     the verdict for a user
 * @param verifies at least one KDNET datagram verified with the key
 */
public record CaptureVerdict(String line, boolean verifies) {
    /** The conclusion from the {@code counts} of a whole capture, or of the part before a cut when {@code cut}. */
    public static CaptureVerdict of(VerdictCounts counts, boolean cut) {
        String where = cut ? "before the cut" : "in this capture";
        long kdnet = counts.total() - counts.count(Verdict.NOT_KDNET);
        long verified = counts.count(Verdict.VERIFIED);
        if (kdnet == 0) {
            return failed("no KDNET datagrams " + where + ": " + counted(counts.total(), "frame")
                    + ", none a UDP datagram starting with MDBG");
        }
        if (verified == 0 && counts.count(Verdict.BAD_HMAC) > 0) {
            return failed("no datagram verifies with this key: the key does not match");
        }
        if (verified == 0 && counts.count(Verdict.NO_DATA_KEY) > 0) {
            return failed("no datagram verifies: no control response " + where + " keys the data channel"
                    + " (capture from before the target connects)");
        }
        if (verified == 0) {
            return failed("no datagram verifies: every KDNET datagram " + where + " is malformed");
        }
        String line = counted(kdnet, "KDNET datagram") + " " + where + ", " + verified + " verified with this key";
        return new CaptureVerdict(verified == kdnet ? line : line + ", " + (kdnet - verified) + " not", true);
    }

    private static CaptureVerdict failed(String line) {
        return new CaptureVerdict(line, false);
    }

    private static String counted(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
