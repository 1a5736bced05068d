package dev.kdnet.host.load;

import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.KdnetHeader;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.kd.KdPacket;

/** The sizes of a load request's datagrams on the wire, for a raw baseline of the same sizes. */
public final class WireSize {
    private static final int AES_BLOCK = 16;

    private WireSize() {
    }

    /** The sealed datagram carrying a KD data packet of {@code payload} bytes. */
    static int datagram(int payload) {
        int body = KdnetHeader.LENGTH + KdPacket.HEADER_LENGTH + payload;
        return DatagramCrypto.CLEAR_HEADER_LENGTH + (body + AES_BLOCK - 1) / AES_BLOCK * AES_BLOCK
                + DatagramCrypto.TAG_LENGTH;
    }

    /** The request datagram of {@code workload}: a manipulate request, with the data for a write. */
    public static int request(Workload workload, int requestSize) {
        return datagram(ManipulateState64.HEADER_LENGTH + (workload == Workload.WRITE ? requestSize : 0));
    }

    /** The reply datagram of {@code workload}: a manipulate reply, with the data for a read. */
    public static int reply(Workload workload, int requestSize) {
        int data = switch (workload) {
            case READ, MIXED, DUMP -> requestSize;
            case SMALL, STOPS -> Long.BYTES;
            case WRITE -> 0;
        };
        return datagram(ManipulateState64.HEADER_LENGTH + data);
    }
}
