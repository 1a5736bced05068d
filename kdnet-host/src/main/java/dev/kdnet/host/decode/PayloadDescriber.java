package dev.kdnet.host.decode;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.FileIo;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.kd.KdPacketType;
import java.nio.ByteBuffer;
import java.util.List;

/** Picks the describer for a KD data packet's payload by packet type; other types have no payload fields. */
final class PayloadDescriber {
    private PayloadDescriber() {
    }

    /** The payload's fields; malformed if the payload is too short for its type's structure. */
    static Decoded<List<Field>> describe(KdPacketType type, ByteBuffer payload) {
        if (type.equals(KdPacketType.STATE_MANIPULATE)) {
            return ManipulateState64.decode(payload).map(ManipulateDescriber::fields);
        }
        if (type.equals(KdPacketType.STATE_CHANGE64)) {
            return StateChange64.decode(payload).map(StateChangeDescriber::fields);
        }
        if (type.equals(KdPacketType.DEBUG_IO)) {
            return DebugIo.decode(payload).map(IoDescriber::fields);
        }
        if (type.equals(KdPacketType.FILE_IO)) {
            return FileIo.decode(payload).map(IoDescriber::fields);
        }
        return Decoded.ok(List.of());
    }
}
