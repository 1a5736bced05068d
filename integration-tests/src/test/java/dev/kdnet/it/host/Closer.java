package dev.kdnet.it.host;

import dev.kdnet.protocol.netty.UdpTransport;
import java.util.ArrayList;
import java.util.List;

/** The host transport of a test and what runs on it, closed in reverse order of opening. */
final class Closer implements AutoCloseable {
    final UdpTransport transport = UdpTransport.create(2);
    private final List<AutoCloseable> open = new ArrayList<>();

    <T extends AutoCloseable> T add(T resource) {
        open.add(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        transport.close();
    }
}
