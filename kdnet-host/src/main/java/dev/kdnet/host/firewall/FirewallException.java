package dev.kdnet.host.firewall;

/** Changing this machine's firewall failed; the message is one line saying which command and why. */
public final class FirewallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public FirewallException(String message) {
        super(message);
    }
}
