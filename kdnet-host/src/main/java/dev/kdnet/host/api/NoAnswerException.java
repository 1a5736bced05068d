package dev.kdnet.host.api;

import java.time.Duration;

/** The target did not answer a request: no reply in time, or the packet was never acknowledged. */
public class NoAnswerException extends DebuggerException {
    private static final long serialVersionUID = 1L;

    /** Nothing came back for {@code what} within {@code timeout}. */
    public NoAnswerException(String what, Duration timeout) {
        super("no answer to " + what + " within " + timeout.toMillis() + " ms");
    }

    /** {@code what} was sent {@code sends} times and never acknowledged. */
    public NoAnswerException(String what, int sends) {
        super(what + " was not acknowledged after " + sends + " sends");
    }
}
