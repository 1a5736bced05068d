package dev.kdnet.host.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import dev.kdnet.protocol.args.UsageException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The host's log while it debugs a target: at the level {@link LogOptions} chose, and either appended to the
 * {@code --log} file or shown as lines that the prompt puts above what it is editing (on stderr until it does).
 * {@link #close()} puts back the configuration it found.
 */
final class HostLog implements AutoCloseable {
    /** The pattern of logback.xml's console appender. */
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%n";
    private static final String CONSOLE_APPENDER = "STDERR";
    /** The project's loggers: a configuration may give them a level of their own, which the chosen one replaces. */
    private static final String PROJECT_LOGGERS = "dev.kdnet";

    private final Logger root;
    private final Logger project;
    private final Level levelBefore;
    private final Level projectLevelBefore;
    private final Appender<ILoggingEvent> console;
    private final Appender<ILoggingEvent> ours;
    private final LineSink lines;
    private final Consumer<String> stderr;

    private HostLog(Logger root, Logger project, Appender<ILoggingEvent> console, Appender<ILoggingEvent> ours,
            LineSink lines) {
        this.root = root;
        this.project = project;
        this.levelBefore = root.getLevel();
        this.projectLevelBefore = project.getLevel();
        this.console = console;
        this.ours = ours;
        this.lines = lines;
        this.stderr = lines.target;
    }

    /** Sets the log up as {@code options} say; log lines on the console go to {@code err} until {@link #showOn}. */
    static HostLog start(LogOptions options, PrintWriter err) {
        Level level = options.level();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        LineSink lines = new LineSink(text -> {
            err.print(text);
            err.flush();
        });
        Appender<ILoggingEvent> ours = options.file().isPresent() ? fileAppender(context, options.file().get())
                : lineAppender(context, lines);
        Appender<ILoggingEvent> console = root.getAppender(CONSOLE_APPENDER);
        Logger project = context.getLogger(PROJECT_LOGGERS);
        HostLog log = new HostLog(root, project, console, ours, lines);
        if (console != null) {
            root.detachAppender(console);
        }
        root.addAppender(ours);
        root.setLevel(level);
        project.setLevel(level);
        return log;
    }

    /** From now on, console log lines go to {@code sink} (such as the prompt's lines above what it edits). */
    void showOn(Consumer<String> sink) {
        lines.target = sink;
    }

    /** From now on, console log lines go to stderr again (the prompt has ended). */
    void showOnStderr() {
        lines.target = stderr;
    }

    @Override
    public void close() {
        root.detachAppender(ours);
        ours.stop();
        if (console != null) {
            root.addAppender(console);
        }
        root.setLevel(levelBefore);
        project.setLevel(projectLevelBefore);
    }

    private static Appender<ILoggingEvent> fileAppender(LoggerContext context, Path file) {
        try (OutputStream probe = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            probe.flush();
        } catch (NoSuchFileException e) {
            throw new UsageException("--log " + file + ": the directory " + file.toAbsolutePath().getParent()
                    + " does not exist; give a file in an existing directory");
        } catch (AccessDeniedException e) {
            throw new UsageException("--log " + file + ": permission denied; give a file you may write to");
        } catch (IOException e) {
            throw new UsageException("--log " + file + ": cannot append to it (" + e.getMessage() + ")");
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("kdnet-log-file");
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private static Appender<ILoggingEvent> lineAppender(LoggerContext context, LineSink lines) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(PATTERN);
        layout.start();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.target.accept(layout.doLayout(event));
            }
        };
        appender.setContext(context);
        appender.setName("kdnet-log-lines");
        appender.start();
        return appender;
    }

    /** Where console log lines go now; switched from the thread that runs the prompt. */
    private static final class LineSink {
        private volatile Consumer<String> target;

        LineSink(Consumer<String> target) {
            this.target = target;
        }
    }
}
