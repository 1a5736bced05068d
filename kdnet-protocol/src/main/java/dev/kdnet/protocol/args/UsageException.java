package dev.kdnet.protocol.args;

/**
 * A mistake in what the user asked for: an option's value, a missing or conflicting option, an unreadable file. The
 * message is one line saying what was wrong and what would be right (line breaks in it become {@code "; "}) and
 * never contains a key. Both command lines print it after their prefix and exit with {@link #EXIT_CODE}.
 */
public final class UsageException extends RuntimeException {
    /** Exit code of a usage mistake. */
    public static final int EXIT_CODE = 2;

    /** A usage mistake described by {@code message}, made one line. */
    public UsageException(String message) {
        super(message.strip().replaceAll("\\s*\\R\\s*", "; "));
    }
}
