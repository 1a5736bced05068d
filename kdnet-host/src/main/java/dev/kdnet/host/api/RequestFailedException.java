package dev.kdnet.host.api;

/** The target answered a request with a failure NTSTATUS. */
public class RequestFailedException extends DebuggerException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /** {@code request} (with its arguments, for the message) failed with {@code status}. */
    public RequestFailedException(String request, int status) {
        super(request + " failed: NTSTATUS 0x" + String.format("%08X", status));
        this.status = status;
    }

    /** The NTSTATUS the target returned. */
    public int status() {
        return status;
    }
}
