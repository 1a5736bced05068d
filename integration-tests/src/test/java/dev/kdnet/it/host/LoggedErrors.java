package dev.kdnet.it.host;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Counts, from when it is installed until it is closed, the log events that mean something went wrong inside: any
 * event at ERROR, and any event that carries an exception. That catches an exception that reaches the end of a
 * Netty pipeline or escapes a task on an event loop (Netty logs both with the exception) and the errors the host
 * and the target log themselves. Keeps the first few for the failure message.
 */
final class LoggedErrors extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final int KEPT = 5;

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final AtomicLong count = new AtomicLong();
    private final List<String> first = new ArrayList<>();

    private LoggedErrors() {
        setName("logged-errors");
        setContext(root.getLoggerContext());
    }

    /** Starts counting. */
    static LoggedErrors install() {
        LoggedErrors errors = new LoggedErrors();
        errors.start();
        errors.root.addAppender(errors);
        return errors;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null) {
            count.incrementAndGet();
            synchronized (first) {
                if (first.size() < KEPT) {
                    first.add(event.getLoggerName() + ": " + event.getFormattedMessage()
                            + (event.getThrowableProxy() == null ? ""
                                    : " (" + event.getThrowableProxy().getClassName() + ": "
                                            + event.getThrowableProxy().getMessage() + ")"));
                }
            }
        }
    }

    /** Events counted so far. */
    long count() {
        return count.get();
    }

    /** The first few, for a failure message. */
    List<String> first() {
        synchronized (first) {
            return List.copyOf(first);
        }
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}
