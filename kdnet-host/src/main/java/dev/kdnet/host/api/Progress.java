package dev.kdnet.host.api;

/** Hears how far a long transfer got: after each chunk, on the session's event loop (so it must not block). */
@FunctionalInterface
public interface Progress {
    /** Nothing to hear. */
    Progress NONE = (done, total) -> { };

    /** {@code done} of {@code total} bytes are transferred. */
    void update(long done, long total);

    /**
     * The target rebooted under the transfer when {@code done} of {@code total} bytes had arrived, and the debugger
     * attached again: the transfer goes on from byte {@code done}. Only transfers that continue across reboots
     * ({@link Debugger#dumpPhysical}) call it; by default it is ignored.
     */
    default void resumedAfterReboot(long done, long total) {
    }
}
