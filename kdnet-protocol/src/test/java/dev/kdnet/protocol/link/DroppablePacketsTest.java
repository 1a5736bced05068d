package dev.kdnet.protocol.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.FileIo;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import org.junit.jupiter.api.Test;

/** kd-protocol §2.6: which packets a target may drop when its retries run out. */
class DroppablePacketsTest {
    private static KdPacket packet(KdPacketType type, int firstWord) {
        byte[] payload = new byte[16];
        WireBytes.wrap(payload).putInt(0, firstWord);
        return KdPacket.data(type, 0, payload);
    }

    @Test
    void loadSymbolsPrintStringAndCreateFileMayBeDropped() {
        assertThat(DroppablePackets.isDroppable(packet(KdPacketType.STATE_CHANGE64, StateChange64.LOAD_SYMBOLS)))
                .isTrue();
        assertThat(DroppablePackets.isDroppable(KdPacket.data(KdPacketType.DEBUG_IO, 0,
                DebugIo.printString(6, 0, "text\n").encode()))).isTrue();
        assertThat(DroppablePackets.isDroppable(packet(KdPacketType.FILE_IO, FileIo.CREATE_FILE))).isTrue();
    }

    @Test
    void stopsRepliesPromptsAndOtherFileIoMustBeDelivered() {
        assertThat(DroppablePackets.isDroppable(packet(KdPacketType.STATE_CHANGE64, StateChange64.EXCEPTION)))
                .isFalse();
        assertThat(DroppablePackets.isDroppable(packet(KdPacketType.STATE_CHANGE64, StateChange64.COMMAND_STRING)))
                .isFalse();
        assertThat(DroppablePackets.isDroppable(packet(KdPacketType.DEBUG_IO, DebugIo.GET_STRING))).isFalse();
        assertThat(DroppablePackets.isDroppable(packet(KdPacketType.FILE_IO, FileIo.READ_FILE))).isFalse();
        assertThat(DroppablePackets.isDroppable(packet(KdPacketType.STATE_MANIPULATE,
                ManipulateApi.READ_VIRTUAL_MEMORY.number()))).isFalse();
        assertThat(DroppablePackets.isDroppable(packet(KdPacketType.STATE_MANIPULATE, DebugIo.PRINT_STRING)))
                .as("the word means something only for its type").isFalse();
        assertThat(DroppablePackets.isDroppable(KdPacket.data(KdPacketType.DEBUG_IO, 0, new byte[] {0x30, 0x32})))
                .as("too short to say").isFalse();
    }
}
