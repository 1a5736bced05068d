package dev.kdnet.sim.nic;

import java.util.List;
import java.util.Optional;

/**
 * What an agent does when its socket reports an error: reads the ICMP errors behind it from the socket's
 * {@link ErrorQueue} into {@link IcmpErrors}, or logs the bare error where the queue cannot be read or holds no
 * ICMP error. Event-loop confined.
 */
final class SocketErrors {
    private final Optional<ErrorQueue> queue;
    private final IcmpErrors icmp;

    SocketErrors(Optional<ErrorQueue> queue, IcmpErrors icmp) {
        this.queue = queue;
        this.icmp = icmp;
    }

    /** The socket failed a read with {@code cause} (an ICMP error came back, as Linux reports it). */
    void reported(Throwable cause) {
        if (drain() == 0) {
            icmp.unexplained(cause);
        }
    }

    /** Reads whatever the error queue holds (a failed send can leave entries there); returns how many. */
    int drain() {
        List<IcmpError> errors = queue.map(ErrorQueue::drain).orElse(List.of());
        errors.forEach(icmp::record);
        return errors.size();
    }
}
