package dev.kdnet.protocol.key;

/**
 * A key string given by the user is not a valid KDNET key ({@code w.x.y.z}, four base-36 parts).
 *
 * <p>The message names the offending part and the rule it breaks, in one line fit to show a user.
 */
public final class KeyFormatException extends IllegalArgumentException {
    KeyFormatException(String message) {
        super(message);
    }
}
