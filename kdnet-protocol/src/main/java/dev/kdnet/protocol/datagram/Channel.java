package dev.kdnet.protocol.datagram;

/** The KDNET channel byte (offset 5): data carries KD traffic under the data key, control carries the handshake. */
public enum Channel {
    /** Channel 0: KD packets, encrypted with the data key D. */
    DATA(0),
    /** Channel 1: pokes and responses, encrypted with the root key K. */
    CONTROL(1);

    private final int wireValue;

    Channel(int wireValue) {
        this.wireValue = wireValue;
    }

    /** The byte on the wire. */
    public int wireValue() {
        return wireValue;
    }

    /** The channel for a wire byte, or {@code null} if the byte names no channel. */
    public static Channel fromWire(int value) {
        return switch (value) {
            case 0 -> DATA;
            case 1 -> CONTROL;
            default -> null;
        };
    }
}
