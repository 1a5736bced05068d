package dev.kdnet.host.decode;

import dev.kdnet.protocol.datagram.Direction;

/**
 * The KDNET header of a datagram whose HMAC verified, and which key opened it.
 *
 * @param direction who sent it
 * @param sequence  the 56-bit sequence number
 * @param pad       the number of pad bytes
 * @param key       {@code root} for the root key, {@code dk@N} for the data key derived from the response in frame N
 */
public record OpenedHeader(Direction direction, long sequence, int pad, String key) {
}
