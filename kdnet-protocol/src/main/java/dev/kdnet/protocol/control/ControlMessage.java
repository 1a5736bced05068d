package dev.kdnet.protocol.control;

import dev.kdnet.protocol.Decoded;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

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

    /** Decodes a control body; never throws. */
    static Decoded<ControlMessage> decode(byte[] body) {
        if (body.length == 0) {
            return Decoded.ok(EmptyControl.INSTANCE);
        }
        if (body.length < 2) {
            return Decoded.malformed("control body of 1 byte");
        }
        ByteBuf in = Unpooled.wrappedBuffer(body);
        return switch (body[1]) {
            case KIND_POKE -> body.length == Poke.LENGTH
                    ? Decoded.ok(Poke.decode(in))
                    : Decoded.malformed("poke body of " + body.length + " bytes; expected " + Poke.LENGTH);
            case KIND_RESPONSE -> body.length == ControlResponse.LENGTH
                    ? Decoded.ok(ControlResponse.decode(in))
                    : Decoded.malformed("response body of " + body.length + " bytes; expected "
                            + ControlResponse.LENGTH);
            default -> Decoded.malformed(String.format("unknown control message kind 0x%02x", body[1] & 0xFF));
        };
    }
}
