package dev.kdnet.protocol.link;

import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.FileIo;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import java.nio.ByteBuffer;

/**
 * The packets a target may drop when its retries run out (kd-protocol §2.6): a LoadSymbols state change, a
 * PrintString debug-io and a CreateFile file-io; a kernel with no debugger listening carries on without them. Every
 * other packet, an exception state change above all, is retried until the host takes it.
 */
final class DroppablePackets {
    private DroppablePackets() {
    }

    /** True if a target may give up on {@code packet}: its type and first 32-bit word (NewState or ApiNumber). */
    static boolean isDroppable(KdPacket packet) {
        ByteBuffer payload = packet.payload();
        if (payload.remaining() < Integer.BYTES) {
            return false;
        }
        int first = payload.getInt(0);
        KdPacketType type = packet.type();
        return type.equals(KdPacketType.STATE_CHANGE64) && first == StateChange64.LOAD_SYMBOLS
                || type.equals(KdPacketType.DEBUG_IO) && first == DebugIo.PRINT_STRING
                || type.equals(KdPacketType.FILE_IO) && first == FileIo.CREATE_FILE;
    }
}
