package dev.kdnet.host.decode;

import dev.kdnet.protocol.datagram.Channel;

/**
 * The unencrypted start of a KDNET datagram, readable whatever the key: version and channel bytes, and the length.
 *
 * @param version the protocol version byte
 * @param channel the channel byte (0 data, 1 control, anything else unknown)
 * @param length  the UDP payload length in bytes
 */
public record ClearHeader(int version, int channel, int length) {
    /** {@code DATA}, {@code CTRL}, or the byte in hex when it names no channel. */
    public String channelName() {
        Channel known = Channel.fromWire(channel);
        if (known == null) {
            return String.format("0x%02x", channel);
        }
        return known == Channel.CONTROL ? "CTRL" : "DATA";
    }
}
