package dev.kdnet.host.api;

/** No target is attached (none connected yet, it rebooted under the call, or the debugger detached). */
public class NotAttachedException extends DebuggerException {
    private static final long serialVersionUID = 1L;

    /** Says why. */
    public NotAttachedException(String message) {
        super(message);
    }
}
