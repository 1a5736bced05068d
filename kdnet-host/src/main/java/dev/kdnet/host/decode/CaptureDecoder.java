package dev.kdnet.host.decode;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.capture.CapturedFrame;
import dev.kdnet.protocol.capture.CapturedUdp;
import dev.kdnet.protocol.capture.UdpExtractor;
import dev.kdnet.protocol.control.ControlMessage;
import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.key.KdnetKey;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the frames of one capture in order, as a host would open them: control datagrams always with the root
 * key, data datagrams with the data key derived from the latest verified control response before them
 * ({@code D = SHA-256(K || response body)}); before any such response, data datagrams get
 * {@link Verdict#NO_DATA_KEY}. Never throws on capture content.
 *
 * <p>Stateful (first time stamp, current data key): use one instance per capture, frames in capture order.
 */
public final class CaptureDecoder {
    private final KdnetKey key;
    private final DatagramCrypto crypto = new DatagramCrypto();
    private SessionKeys keys;
    private String dataKeyLabel;
    private Long firstTimestamp;

    /** A decoder for a capture of sessions keyed with {@code key}. */
    public CaptureDecoder(KdnetKey key) {
        this.key = key;
        this.keys = SessionKeys.of(key);
    }

    /** Decodes every frame of a capture with {@code key}. */
    public static List<DecodedDatagram> decodeAll(KdnetKey key, List<CapturedFrame> frames) {
        CaptureDecoder decoder = new CaptureDecoder(key);
        return frames.stream().map(decoder::decode).toList();
    }

    /** Decodes the next frame of the capture. */
    public DecodedDatagram decode(CapturedFrame frame) {
        if (firstTimestamp == null) {
            firstTimestamp = frame.timestampNanos();
        }
        Partial partial = new Partial(frame.number(), frame.timestampNanos() - firstTimestamp);
        Optional<CapturedUdp> udp = UdpExtractor.extract(frame);
        if (udp.isEmpty()) {
            return partial.rejected(Verdict.NOT_KDNET, "no IPv4/UDP datagram");
        }
        partial.ip = IpDetails.of(udp.get());
        byte[] payload = udp.get().payload();
        if (payload.length < DatagramCrypto.MAGIC.length
                || !Arrays.equals(payload, 0, DatagramCrypto.MAGIC.length, DatagramCrypto.MAGIC, 0,
                        DatagramCrypto.MAGIC.length)) {
            return partial.rejected(Verdict.NOT_KDNET, "no MDBG magic");
        }
        if (payload.length < DatagramCrypto.CLEAR_HEADER_LENGTH) {
            return partial.rejected(Verdict.MALFORMED, "bad length: " + payload.length + " bytes");
        }
        partial.clear = new ClearHeader(payload[4] & 0xFF, payload[5] & 0xFF, payload.length);
        OpenOutcome outcome = crypto.open(keys, ByteBuffer.wrap(payload));
        if (outcome instanceof OpenOutcome.Rejected rejected) {
            return switch (rejected.reason()) {
                case HMAC_MISMATCH -> partial.rejected(Verdict.BAD_HMAC, null);
                case NO_DATA_KEY -> partial.rejected(Verdict.NO_DATA_KEY, null);
                default -> partial.rejected(Verdict.MALFORMED, rejected.reason().description());
            };
        }
        return opened(partial, ((OpenOutcome.Opened) outcome).datagram());
    }

    private DecodedDatagram opened(Partial partial, Datagram datagram) {
        boolean control = datagram.channel() == Channel.CONTROL;
        partial.opened = new OpenedHeader(datagram.direction(), datagram.sequence(), datagram.padLength(),
                control ? "root" : dataKeyLabel);
        byte[] body = WireBytes.toArray(datagram.body());
        Decoded<Content> content = control ? controlContent(partial.frame, body) : dataContent(body);
        if (content instanceof Decoded.Malformed<Content> malformed) {
            return partial.rejected(Verdict.MALFORMED, malformed.reason());
        }
        return partial.verified(content.orElseThrow());
    }

    /** Describes a control body; a response also keys the data channel from here on. */
    private Decoded<Content> controlContent(long frame, byte[] body) {
        Decoded<ControlMessage> message = ControlMessage.decode(ByteBuffer.wrap(body));
        if (message instanceof Decoded.Malformed<ControlMessage> malformed) {
            return Decoded.malformed(malformed.reason());
        }
        Content content = ControlDescriber.describe(message.orElseThrow());
        if (message.orElseThrow() instanceof ControlResponse) {
            DataKey dataKey = DataKey.derive(key, body);
            keys = keys.withDataKey(dataKey);
            dataKeyLabel = "dk@" + frame;
            content = content.with(List.of(Field.word("data-key", "fingerprint:" + dataKey.fingerprint())));
        }
        return Decoded.ok(content);
    }

    private static Decoded<Content> dataContent(byte[] body) {
        Decoded<KdBody> kd = KdBody.decode(ByteBuffer.wrap(body));
        if (kd instanceof Decoded.Malformed<KdBody> malformed) {
            return Decoded.malformed(malformed.reason());
        }
        return KdBodyDescriber.describe(kd.orElseThrow());
    }

    /** What is known of one frame so far. */
    private static final class Partial {
        private final long frame;
        private final long relativeNanos;
        private IpDetails ip;
        private ClearHeader clear;
        private OpenedHeader opened;

        Partial(long frame, long relativeNanos) {
            this.frame = frame;
            this.relativeNanos = relativeNanos;
        }

        DecodedDatagram rejected(Verdict verdict, String reason) {
            return new DecodedDatagram(frame, relativeNanos, ip, clear, opened, verdict, reason, null);
        }

        DecodedDatagram verified(Content content) {
            return new DecodedDatagram(frame, relativeNanos, ip, clear, opened, Verdict.VERIFIED, null, content);
        }
    }
}
