package dev.kdnet.host.api;

/** Hears how far a long transfer got (after each chunk, on the caller's thread). */
@FunctionalInterface
public interface Progress {
    /** Nothing to hear. */
    Progress NONE = (done, total) -> { };

    /** {@code done} of {@code total} bytes are transferred. */
    void update(long done, long total);
}
