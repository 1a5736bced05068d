package dev.kdnet.host.api;

/** A debugger call failed; the subclasses say how. Unchecked, so calls compose in scripts and REPLs. */
public class DebuggerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public DebuggerException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public DebuggerException(String message, Throwable cause) {
        super(message, cause);
    }
}
