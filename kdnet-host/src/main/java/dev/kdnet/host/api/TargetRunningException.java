package dev.kdnet.host.api;

/** The call needs a stopped target, and the target runs (break in first). */
public class TargetRunningException extends DebuggerException {
    private static final long serialVersionUID = 1L;

    /** Names the call that needed a stop. */
    public TargetRunningException(String call) {
        super(call + " needs a stopped target, and the target is running: break in first");
    }
}
