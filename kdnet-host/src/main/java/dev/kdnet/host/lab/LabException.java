package dev.kdnet.host.lab;

/** A lab step failed: the message names the command and what it printed. */
public final class LabException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public LabException(String message) {
        super(message);
    }
}
