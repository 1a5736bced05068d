package dev.kdnet.protocol.datagram;

import java.util.Objects;

/** The result of opening wire bytes: an authenticated {@link Datagram}, or the reason it was dropped. */
public sealed interface OpenOutcome permits OpenOutcome.Opened, OpenOutcome.Rejected {

    /** An authenticated datagram. */
    record Opened(Datagram datagram) implements OpenOutcome {
        public Opened {
            Objects.requireNonNull(datagram, "datagram");
        }
    }

    /** A dropped datagram. Nothing in it may be trusted. */
    record Rejected(RejectReason reason) implements OpenOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** True for {@link Opened}. */
    default boolean isOpened() {
        return this instanceof Opened;
    }
}
