package dev.kdnet.host.decode;

import java.util.Objects;

/**
 * One captured frame, decoded. Which parts are present depends on how far decoding got: {@code ip} needs an
 * IPv4/UDP datagram, {@code clear} a payload that starts with {@code MDBG} and holds the version and channel bytes,
 * {@code opened} a verified HMAC, and {@code content} a body that decoded too.
 *
 * @param frame         the 1-based frame number in the capture
 * @param relativeNanos nanoseconds since the first frame of the capture
 * @param ip            the IPv4/UDP details, or null when the frame holds no IPv4/UDP datagram
 * @param clear         the clear KDNET header, or null when there is none
 * @param opened        the verified KDNET header, or null when the HMAC was not verified
 * @param verdict       the outcome
 * @param reason        why it is {@link Verdict#MALFORMED} or {@link Verdict#NOT_KDNET}, else null
 * @param content       what the body says when {@link Verdict#VERIFIED}, else null
 */
public record DecodedDatagram(long frame, long relativeNanos, IpDetails ip, ClearHeader clear, OpenedHeader opened,
        Verdict verdict, String reason, Content content) {
    /** Checks that the verdict is given and that a verified datagram has a header and content. */
    public DecodedDatagram {
        Objects.requireNonNull(verdict, "verdict");
        if (verdict == Verdict.VERIFIED && (opened == null || content == null)) {
            throw new IllegalArgumentException("a verified datagram needs its opened header and content");
        }
    }
}
