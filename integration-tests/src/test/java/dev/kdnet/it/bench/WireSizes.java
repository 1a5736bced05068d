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
 * The sizes of the datagrams of one physical-memory read of {@code chunk} bytes, made by the protocol's own encoders
 * the host and target use: the ReadPhysicalMemory request, its reply with the data, and the KD ACK either side sends.
 *
 * @param chunk  bytes of memory the request asks for
 * @param sealed UDP payload sizes: clear header, KDNET header, body, padding and tag included
 * @param bodies the KD packets the datagrams carry, before sealing
 */
record WireSizes(int chunk, Exchange sealed, Exchange bodies) {
    /** The largest chunk a reply carries. */
    static final int MAX_CHUNK = DebuggerSettings.MAX_CHUNK_SIZE;
    private static final int PACKET_ID = 0x80800800;

    /**
     * Sizes of the three kinds of datagram of one exchange.
     *
     * @param request host to target
     * @param reply   target to host
     * @param ack     an ACK (the same size both ways)
     */
    record Exchange(int request, int reply, int ack) {
    }

    /** Encodes and seals a request, its reply and an ACK under {@code key} and measures them. */
    static WireSizes of(KdnetKey key, int chunk) {
        SealedDatagrams sealing = new SealedDatagrams(key);
        byte[] request = manipulate(request(chunk));
        byte[] reply = manipulate(reply(chunk));
        byte[] ack = KdPacket.control(KdPacketType.ACKNOWLEDGE, PACKET_ID).encode();
        return new WireSizes(chunk,
                new Exchange(sealing.seal(Direction.HOST_TO_TARGET, 1, request).length,
                        sealing.seal(Direction.TARGET_TO_HOST, 1, reply).length,
                        sealing.seal(Direction.HOST_TO_TARGET, 2, ack).length),
                new Exchange(request.length, reply.length, ack.length));
    }

    /** The wire bytes of a successful ReadPhysicalMemory reply carrying {@code chunk} bytes. */
    static byte[] sealedReply(SealedDatagrams sealing, int chunk) {
        return sealing.seal(Direction.TARGET_TO_HOST, 1, manipulate(reply(chunk)));
    }

    private static ManipulateState64 request(int chunk) {
        return ManipulateState64.request(ManipulateApi.READ_PHYSICAL_MEMORY, 0, MemoryTransfer.request(0, chunk),
                new byte[0]);
    }

    private static ManipulateState64 reply(int chunk) {
        return request(chunk).reply(NtStatus.SUCCESS, MemoryTransfer.request(0, chunk).withActualBytes(chunk),
                new byte[chunk]);
    }

    private static byte[] manipulate(ManipulateState64 message) {
        return KdPacket.data(KdPacketType.STATE_MANIPULATE, PACKET_ID, message.encode()).encode();
    }
}
