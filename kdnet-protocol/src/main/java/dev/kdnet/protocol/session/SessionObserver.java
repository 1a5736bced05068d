package dev.kdnet.protocol.session;

import dev.kdnet.protocol.datagram.Datagram;
import java.net.InetSocketAddress;

/**
 * Sees every datagram a {@link SessionPeer} authenticated or sealed, before anything else is decided about it: a
 * capture decoder learns an opened header even when the body then turns out malformed, a recorder logs a session.
 * Called on the peer's thread; the default methods do nothing.
 */
public interface SessionObserver {
    /** Does nothing. */
    SessionObserver NONE = new SessionObserver() {
    };

    /** {@code datagram} from {@code sender} passed the HMAC and the pad and direction checks. */
    default void opened(InetSocketAddress sender, Datagram datagram) {
    }

    /** {@code datagram} was sealed to go out. */
    default void sealed(Datagram datagram) {
    }
}
