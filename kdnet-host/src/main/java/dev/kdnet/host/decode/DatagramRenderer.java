package dev.kdnet.host.decode;

/** Turns a decoded datagram into one output line (without the line break). */
public interface DatagramRenderer {
    /** The line for {@code datagram}. */
    String line(DecodedDatagram datagram);
}
