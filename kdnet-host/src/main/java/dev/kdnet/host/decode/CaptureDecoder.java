package dev.kdnet.host.decode;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.capture.CapturedFrame;
import dev.kdnet.protocol.capture.CapturedUdp;
import dev.kdnet.protocol.capture.UdpExtractor;
import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.session.DataChannel;
import dev.kdnet.protocol.session.Inbound;
import dev.kdnet.protocol.session.SessionObserver;
import dev.kdnet.protocol.session.SessionPeer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the frames of one capture in order through an observing {@link SessionPeer}, as a host would open them
 * (both directions, whatever the source or sequence, since a capture shows what was sent): control datagrams with
 * the root key, data datagrams with the data key derived from the latest verified control response before them
 * ({@code D = SHA-256(K || response body)}); before any such response, data datagrams get
 * {@link Verdict#NO_DATA_KEY}. Never throws on capture content.
 *
 * <p>Stateful (first time stamp, current data key): use one instance per capture, frames in capture order.
 */
public final class CaptureDecoder {
    private final SessionPeer peer;
    private String dataKeyLabel;
    private Long firstTimestamp;
    private Partial current;

    /** A decoder for a capture of sessions keyed with {@code key}. */
    public CaptureDecoder(KdnetKey key) {
        this.peer = SessionPeer.observer(key);
        peer.observe(new SessionObserver() {
            @Override
            public void opened(InetSocketAddress sender, Datagram datagram) {
                current.opened = new OpenedHeader(datagram.direction(), datagram.sequence(), datagram.padLength(),
                        datagram.channel() == Channel.CONTROL ? "root" : dataKeyLabel);
            }
        });
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
        current = new Partial(frame.number(), frame.timestampNanos() - firstTimestamp);
        Optional<CapturedUdp> udp = UdpExtractor.extract(frame);
        if (udp.isEmpty()) {
            return current.rejected(Verdict.NOT_KDNET, "no IPv4/UDP datagram");
        }
        current.ip = IpDetails.of(udp.get());
        byte[] payload = udp.get().payload();
        Inbound inbound = peer.receive(udp.get().source(), ByteBuffer.wrap(payload));
        if (inbound instanceof Inbound.Dropped dropped && dropped.reason() == DropReason.BAD_MAGIC) {
            return current.rejected(Verdict.NOT_KDNET, "no MDBG magic");
        }
        if (payload.length >= DatagramCrypto.CLEAR_HEADER_LENGTH) {
            current.clear = new ClearHeader(payload[4] & 0xFF, payload[5] & 0xFF, payload.length);
        }
        if (inbound instanceof Inbound.Dropped dropped) {
            return switch (dropped.reason()) {
                case HMAC_MISMATCH -> current.rejected(Verdict.BAD_HMAC, null);
                case NO_DATA_KEY -> current.rejected(Verdict.NO_DATA_KEY, null);
                default -> current.rejected(Verdict.MALFORMED, dropped.detail());
            };
        }
        Decoded<Content> content = inbound instanceof Inbound.Control control
                ? Decoded.ok(controlContent(control, udp.get().source()))
                : KdBodyDescriber.describe(((Inbound.Data) inbound).body());
        if (content instanceof Decoded.Malformed<Content> malformed) {
            return current.rejected(Verdict.MALFORMED, malformed.reason());
        }
        return current.verified(content.orElseThrow());
    }

    /** Describes a control message; a response also keys the data channel from here on. */
    private Content controlContent(Inbound.Control control, InetSocketAddress sender) {
        Content content = ControlDescriber.describe(control.message());
        if (control.message() instanceof ControlResponse) {
            DataChannel channel = peer.keyChannel(sender, control.datagram().version(), control.datagram().body());
            dataKeyLabel = "dk@" + current.frame;
            content = content.with(List.of(Field.word("data-key", "fingerprint:" + channel.dataKeyFingerprint())));
        }
        return content;
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
