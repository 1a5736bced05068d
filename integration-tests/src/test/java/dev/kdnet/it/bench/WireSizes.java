package dev.kdnet.it.bench;

import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.key.KdnetKey;

/**
 * The UDP payload sizes of one physical-memory read of {@code chunk} bytes, as sealed by the protocol's own encoders
 * the host and target use: the ReadPhysicalMemory request, its reply with the data, and the KD ACK either side sends
 * (clear header, KDNET header, body, padding and tag included).
 *
 * @param chunk   bytes of memory the request asks for
 * @param request the request datagram, host to target
 * @param reply   the reply datagram, target to host
 * @param ack     an ACK datagram (the same size both ways)
 */
record WireSizes(int chunk, int request, int reply, int ack) {
    /** The largest chunk a reply carries. */
    static final int MAX_CHUNK = DebuggerSettings.MAX_CHUNK_SIZE;
    private static final int PACKET_ID = 0x80800800;

    /** Seals a request, its reply and an ACK under {@code key} and measures them. */
    static WireSizes of(KdnetKey key, int chunk) {
        SealedDatagrams sealing = new SealedDatagrams(key);
        return new WireSizes(chunk,
                sealing.seal(Direction.HOST_TO_TARGET, 1, manipulate(request(chunk))).length,
                sealedReply(sealing, chunk).length,
                sealing.seal(Direction.HOST_TO_TARGET, 2,
                        KdPacket.control(KdPacketType.ACKNOWLEDGE, PACKET_ID).encode()).length);
    }

    /** The wire bytes of a successful ReadPhysicalMemory reply carrying {@code chunk} bytes. */
    static byte[] sealedReply(SealedDatagrams sealing, int chunk) {
        ManipulateState64 reply = request(chunk).reply(NtStatus.SUCCESS,
                MemoryTransfer.request(0, chunk).withActualBytes(chunk), new byte[chunk]);
        return sealing.seal(Direction.TARGET_TO_HOST, 1, manipulate(reply));
    }

    private static ManipulateState64 request(int chunk) {
        return ManipulateState64.request(ManipulateApi.READ_PHYSICAL_MEMORY, 0, MemoryTransfer.request(0, chunk),
                new byte[0]);
    }

    private static byte[] manipulate(ManipulateState64 message) {
        return KdPacket.data(KdPacketType.STATE_MANIPULATE, PACKET_ID, message.encode()).encode();
    }
}
