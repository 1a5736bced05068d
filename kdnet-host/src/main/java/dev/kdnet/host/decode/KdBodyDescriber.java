package dev.kdnet.host.decode;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.kd.BreakIn;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.UnusedHello;

/** Describes data-channel bodies: the UNUSED hello, the break-in byte, KD control and data packets. */
final class KdBodyDescriber {
    private KdBodyDescriber() {
    }

    /** The content of a decoded data body; malformed if a data packet's payload does not decode. */
    static Decoded<Content> describe(KdBody body) {
        if (body instanceof UnusedHello hello) {
            return Decoded.ok(Content.of("KD UNUSED", Field.word("host", hello.hostAddress().getHostAddress())));
        }
        if (body instanceof BreakIn) {
            return Decoded.ok(Content.of("KD BREAKIN"));
        }
        KdPacket packet = (KdPacket) body;
        Field id = Field.hex32("id", packet.id());
        Field length = Field.number("len", packet.byteCount());
        if (packet.isControl()) {
            return Decoded.ok(Content.of("KD CTRL " + packet.type().name(), id, length));
        }
        Field checksum = Field.word("cksum",
                String.format("0x%08x(%s)", packet.checksum(), packet.checksumValid() ? "ok" : "bad"));
        Content head = Content.of("KD DATA " + packet.type().name(), id, length, checksum);
        return PayloadDescriber.describe(packet.type(), packet.payload()).map(head::with);
    }
}
