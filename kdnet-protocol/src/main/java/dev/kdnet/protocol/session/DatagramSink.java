package dev.kdnet.protocol.session;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Where a session's sealed datagrams go: a socket in production, a list in tests. Implementations take the
 * buffer's remaining bytes and may keep the buffer (the session does not reuse it).
 */
@FunctionalInterface
public interface DatagramSink {
    /** Sends the remaining bytes of {@code datagram} to {@code recipient}. */
    void send(InetSocketAddress recipient, ByteBuffer datagram);
}
