package dev.kdnet.host.api;

/**
 * The caller's thread was interrupted while it waited for a call (Ctrl-C at the prompt): the wait ended and the call
 * was cancelled. A memory transfer sends no further chunk after a cancel (the one under way is still answered), so
 * the target stays stopped and attached. The exception stands for the interrupt: the thread's interrupt status is
 * clear when it is thrown.
 */
public class CancelledException extends DebuggerException {
    private static final long serialVersionUID = 1L;

    /** Cancelled, because the waiting thread was interrupted ({@code cause}). */
    public CancelledException(InterruptedException cause) {
        super("cancelled", cause);
    }
}
