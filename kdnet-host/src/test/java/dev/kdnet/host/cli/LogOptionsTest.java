package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.kdnet.protocol.args.UsageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code -q} and {@code --log-level}: the level they choose, or one line saying what would be right. */
class LogOptionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                    | INFO",
        "-q                    | WARN",
        "--quiet               | WARN",
        "--log-level debug     | DEBUG",
        "--log-level ERROR     | ERROR",
        "--log-level off       | OFF"})
    void theLevelIsTheOneNamed(String args, String level) {
        assertThat(options(args).level()).isEqualTo(Level.toLevel(level));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--log-level loud      | --log-level loud is not a level; expected one of off, error, warn, info, debug,"
                + " trace",
        "-q --log-level debug  | -q and --log-level exclude each other; give one"})
    void aMistakeIsOneLine(String args, String message) {
        assertThatThrownBy(() -> options(args).level()).isInstanceOf(UsageException.class).hasMessage(message);
    }

    private static LogOptions options(String args) {
        return CommandLine.populateCommand(new LogOptions(), args.isBlank() ? new String[0] : args.split(" "));
    }
}
