package dev.kdnet.host.api;

import dev.kdnet.host.session.HostConfig;
import dev.kdnet.host.session.HostServer;
import dev.kdnet.host.session.TargetSession;
import dev.kdnet.protocol.netty.UdpTransport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The entry point of the library: a {@link HostServer} with a {@link Debugger} on every port, created before any
 * target can connect so none of its events is missed.
 */
public final class DebuggerHost implements AutoCloseable {
    private final HostServer server;
    private final Map<Integer, Debugger> debuggers = new LinkedHashMap<>();

    private DebuggerHost(HostServer server, DebuggerSettings settings) {
        this.server = server;
        for (TargetSession session : server.sessions()) {
            debuggers.put(session.port(), Debugger.of(session, settings));
        }
    }

    /**
     * Listens on the ports of {@code config} with a debugger per port.
     *
     * @throws InterruptedException if interrupted while binding
     */
    public static DebuggerHost start(UdpTransport transport, HostConfig config, DebuggerSettings settings)
            throws InterruptedException {
        HostServer server = HostServer.bind(transport, config);
        DebuggerHost host = new DebuggerHost(server, settings);
        server.start();
        return host;
    }

    /** The debugger of {@code port}. */
    public Debugger debugger(int port) {
        Debugger debugger = debuggers.get(port);
        if (debugger == null) {
            throw new NoSuchElementException("not listening on UDP " + port + "; ports: " + debuggers.keySet());
        }
        return debugger;
    }

    /** Every debugger, in port order. */
    public List<Debugger> debuggers() {
        return List.copyOf(debuggers.values());
    }

    /** The UDP side. */
    public HostServer server() {
        return server;
    }

    /** Closes the sockets (the targets are left as they are). */
    @Override
    public void close() {
        server.close();
    }
}
