package dev.kdnet.protocol.control;

/**
 * The empty control body a host sends to a known target to make it poke at once instead of waiting for its next
 * 3-second timer (kdnet-wire §3.3, host-initiated contact).
 */
public enum EmptyControl implements ControlMessage {
    /** The only value. */
    INSTANCE;

    @Override
    public byte[] encode() {
        return new byte[0];
    }
}
