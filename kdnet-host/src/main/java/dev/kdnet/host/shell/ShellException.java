package dev.kdnet.host.shell;

/** A command that cannot run as typed (bad address, unknown register, ...); the message is one line. */
public final class ShellException extends RuntimeException {
    /** A failure with a one-line message. */
    public ShellException(String message) {
        super(message);
    }
}
