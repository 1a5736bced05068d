package dev.kdnet.protocol.kd;

/** The break-in request: a data datagram whose body is the single byte {@code 0x62} ('b'), host to target. */
public enum BreakIn implements KdBody {
    /** The only value. */
    INSTANCE;

    /** The break-in byte. */
    public static final int BYTE = 0x62;

    @Override
    public byte[] encode() {
        return new byte[] {BYTE};
    }
}
