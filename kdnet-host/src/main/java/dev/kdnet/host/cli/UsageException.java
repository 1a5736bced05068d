package dev.kdnet.host.cli;

/**
 * A mistake in what the user asked for (an option, a file); the message is one line saying what was wrong. The
 * command line prints it after {@link HostMain#PREFIX} and exits with {@link HostMain#USAGE}.
 */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
