package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.kdnet.protocol.args.UsageException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The host's log while it debugs: at the level chosen, on stderr until the prompt takes the lines, or in the
 * {@code --log} file; the configuration it found comes back when it ends.
 */
class HostLogTest {
    private static final Logger LOG = LoggerFactory.getLogger("dev.kdnet.host.session.TargetSession");

    private final StringWriter err = new StringWriter();

    @Test
    void linesGoToStderrUntilThePromptTakesThemAtTheLevelChosen() {
        List<String> abovePrompt = new ArrayList<>();
        try (HostLog log = HostLog.start(options("--log-level", "info"), new PrintWriter(err, true))) {
            LOG.info("first");
            LOG.debug("not at info");
            log.showOn(abovePrompt::add);
            LOG.info("second");
        }

        assertThat(err.toString()).contains(" INFO  TargetSession: first").doesNotContain("not at info")
                .doesNotContain("second");
        assertThat(abovePrompt).singleElement().asString().contains(" INFO  TargetSession: second");
    }

    @Test
    void withAFileTheLinesGoThereAndNotToTheConsole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("host.log");
        List<String> abovePrompt = new ArrayList<>();
        try (HostLog log = HostLog.start(options("--log", file.toString(), "--log-level", "debug"),
                new PrintWriter(err, true))) {
            log.showOn(abovePrompt::add);
            LOG.debug("a resend");
        }

        assertThat(Files.readString(file)).contains(" DEBUG TargetSession: a resend");
        assertThat(err.toString()).isEmpty();
        assertThat(abovePrompt).isEmpty();
    }

    @Test
    void theConfigurationFoundComesBack() {
        ch.qos.logback.classic.Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        List<String> appenders = appenderNames(root);

        HostLog.start(options("-q"), new PrintWriter(err, true)).close();

        assertThat(root.getLevel()).isEqualTo(before);
        assertThat(appenderNames(root)).isEqualTo(appenders);
    }

    @Test
    void aFileInADirectoryThatDoesNotExistIsOneLine(@TempDir Path dir) {
        Path file = dir.resolve("missing").resolve("host.log");

        assertThatThrownBy(() -> HostLog.start(options("--log", file.toString()), new PrintWriter(err, true)))
                .isInstanceOf(UsageException.class).hasMessage("--log " + file + ": the directory "
                        + file.getParent() + " does not exist; give a file in an existing directory");
    }

    private static List<String> appenderNames(ch.qos.logback.classic.Logger logger) {
        List<String> names = new ArrayList<>();
        logger.iteratorForAppenders().forEachRemaining(a -> names.add(a.getName()));
        return names;
    }

    private static LogOptions options(String... args) {
        return CommandLine.populateCommand(new LogOptions(), args);
    }
}
