package dev.kdnet.host.api;

import java.net.InetSocketAddress;

/** Something the target did, delivered to listeners and subscriptions in the order it happened. */
public sealed interface DebuggerEvent {
    /** The target stopped. */
    record Stopped(Stop stop) implements DebuggerEvent {
    }

    /** The target printed (DbgPrint). */
    record Printed(int cpu, String text) implements DebuggerEvent {
    }

    /** The target reported a module load or unload (continued automatically). */
    record SymbolsLoaded(long base, int size, boolean unload, String path) implements DebuggerEvent {
    }

    /** The target handshook again after a session: it rebooted; its breakpoints are gone. */
    record Rebooted(InetSocketAddress target) implements DebuggerEvent {
    }

    /** After a reboot, the debugger attached again by itself; {@code stop} is the new initial break. */
    record Reattached(Stop stop) implements DebuggerEvent {
    }
}
