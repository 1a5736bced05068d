package dev.kdnet.protocol.datagram;

/** Bit 7 of the KDNET header: who sent the datagram. */
public enum Direction {
    /** Bit clear: sent by the target (debuggee). */
    TARGET_TO_HOST,
    /** Bit set: sent by the host (debugger). */
    HOST_TO_TARGET;

    /** The value of the direction bit. */
    public int bit() {
        return this == HOST_TO_TARGET ? 1 : 0;
    }

    /** The direction the other side sends in. */
    public Direction reverse() {
        return this == HOST_TO_TARGET ? TARGET_TO_HOST : HOST_TO_TARGET;
    }

    /** Short form used in logs and transcripts: {@code T->H} or {@code H->T}. */
    public String arrow() {
        return this == HOST_TO_TARGET ? "H->T" : "T->H";
    }
}
