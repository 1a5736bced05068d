package dev.kdnet.sim.cli;

/** A mistake on the command line; the message is one line saying what was wrong and what would be right. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
