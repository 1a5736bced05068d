package dev.kdnet.host.doctor;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.control.ControlMessage;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.RejectReason;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.key.KdnetKey;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * What one datagram is (kdnet-wire §1, §2.4, §3.1), judged without answering it: not KDNET (no {@code MDBG} magic
 * or no sealed length), KDNET with the HMAC not checked (no key given), a key mismatch, an authentic poke (its
 * fields tell the target's settings), other authentic control, or data (whose key only the session knows).
 *
 * @param kind    the verdict
 * @param version the KDNET version byte, 0 when not KDNET
 * @param poke    the poke, when {@code kind} is {@link Kind#POKE}
 */
record DatagramLook(Kind kind, int version, Optional<Poke> poke) {
    /** What a datagram is. */
    enum Kind {
        NOT_KDNET, UNCHECKED, KEY_MISMATCH, POKE, OTHER_CONTROL, DATA
    }

    private static final int VERSION_OFFSET = 4;
    /** A key to run the length and magic checks with when none is given; its HMAC verdict is never used. */
    private static final KdnetKey PROBE_KEY = KdnetKey.parse("1.1.1.1");

    /** Judges {@code payload} with {@code key} if given, through {@code crypto} (one per thread). */
    static DatagramLook of(byte[] payload, Optional<KdnetKey> key, DatagramCrypto crypto) {
        ByteBuffer wire = ByteBuffer.wrap(payload);
        OpenOutcome outcome = crypto.open(SessionKeys.of(key.orElse(PROBE_KEY)), wire);
        if (outcome instanceof OpenOutcome.Rejected rejected && notKdnet(rejected.reason())) {
            return new DatagramLook(Kind.NOT_KDNET, 0, Optional.empty());
        }
        int version = payload[VERSION_OFFSET] & 0xFF;
        if (key.isEmpty()) {
            return new DatagramLook(Kind.UNCHECKED, version, Optional.empty());
        }
        if (outcome instanceof OpenOutcome.Rejected rejected) {
            return new DatagramLook(rejected.reason() == RejectReason.NO_DATA_KEY ? Kind.DATA : Kind.KEY_MISMATCH,
                    version, Optional.empty());
        }
        OpenOutcome.Opened opened = (OpenOutcome.Opened) outcome;
        if (opened.datagram().channel() != Channel.CONTROL) {
            return new DatagramLook(Kind.DATA, version, Optional.empty());
        }
        Decoded<ControlMessage> message = ControlMessage.decode(opened.datagram().body());
        if (message instanceof Decoded.Ok<ControlMessage> ok && ok.value() instanceof Poke poke) {
            return new DatagramLook(Kind.POKE, version, Optional.of(poke));
        }
        return new DatagramLook(Kind.OTHER_CONTROL, version, Optional.empty());
    }

    private static boolean notKdnet(RejectReason reason) {
        return reason == RejectReason.BAD_MAGIC || reason == RejectReason.BAD_LENGTH
                || reason == RejectReason.OVERSIZED || reason == RejectReason.UNKNOWN_CHANNEL;
    }
}
