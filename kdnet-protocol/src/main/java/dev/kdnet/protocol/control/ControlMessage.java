package dev.kdnet.protocol.control;

import dev.kdnet.protocol.Decoded;
import java.nio.ByteBuffer;

/**
 * A control-channel body: a target's {@link Poke}, a host's {@link ControlResponse}, or the {@link EmptyControl}
 * body a host sends to make a target poke at once (kdnet-wire §3).
 */
public sealed interface ControlMessage permits Poke, ControlResponse, EmptyControl {
    /** Value of body byte 1 in a poke. */
    int KIND_POKE = 0x01;
    /** Value of body byte 1 in a response. */
    int KIND_RESPONSE = 0x02;

    /** The body bytes of this message. */
    byte[] encode();

    /**
     * Decodes the remaining bytes of a control body (its position is left alone); never throws. The control
     * channel's fields are bytes and big-endian (network order) ports, so it is read in the buffer's default order.
     */
    static Decoded<ControlMessage> decode(ByteBuffer body) {
        ByteBuffer in = body.slice();
        int length = in.remaining();
        if (length == 0) {
            return Decoded.ok(EmptyControl.INSTANCE);
        }
        if (length < 2) {
            return Decoded.malformed("control body of 1 byte");
        }
        int kind = in.get(1) & 0xFF;
        return switch (kind) {
            case KIND_POKE -> length == Poke.LENGTH
                    ? Decoded.ok(Poke.decode(in))
                    : Decoded.malformed("poke body of " + length + " bytes; expected " + Poke.LENGTH);
            case KIND_RESPONSE -> length == ControlResponse.LENGTH
                    ? Decoded.ok(ControlResponse.decode(in))
                    : Decoded.malformed("response body of " + length + " bytes; expected " + ControlResponse.LENGTH);
            default -> Decoded.malformed(String.format("unknown control message kind 0x%02x", kind));
        };
    }
}
