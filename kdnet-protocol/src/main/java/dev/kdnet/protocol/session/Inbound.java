package dev.kdnet.protocol.session;

import dev.kdnet.protocol.control.ControlMessage;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdBody;
import java.util.Objects;

/** What one received datagram turned out to be: exactly one of a control message, a KD body or a drop. */
public sealed interface Inbound permits Inbound.Control, Inbound.Data, Inbound.Dropped {

    /** An authentic control datagram and the message in it (what to do with it is the caller's decision). */
    record Control(Datagram datagram, ControlMessage message) implements Inbound {
        public Control {
            Objects.requireNonNull(datagram, "datagram");
            Objects.requireNonNull(message, "message");
        }
    }

    /** An authentic data datagram from the channel's peer, newer than every one before, and its KD body. */
    record Data(Datagram datagram, KdBody body) implements Inbound {
        public Data {
            Objects.requireNonNull(datagram, "datagram");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * A datagram dropped for {@code reason}; {@code detail} says more where the reason alone does not (a
     * malformed body's defect), otherwise it is the reason's description.
     */
    record Dropped(DropReason reason, String detail) implements Inbound {
        public Dropped {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** A drop whose detail is the reason's own description. */
        static Dropped of(DropReason reason) {
            return new Dropped(reason, reason.description());
        }
    }
}
