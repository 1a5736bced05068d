package dev.kdnet.protocol.link;

/** Which end of a KD session a {@link KdLink} plays; it fixes the first packet id (kd-protocol §2.2). */
public enum KdRole {
    /** The debugger: ids 0x80000000, 0x80000002, ... */
    HOST(0x80000000),
    /** The debuggee: ids 0, 2, 4, ... after boot. */
    TARGET(0);

    private final int firstId;

    KdRole(int firstId) {
        this.firstId = firstId;
    }

    /** The id of the first data packet this side sends. */
    public int firstId() {
        return firstId;
    }
}
