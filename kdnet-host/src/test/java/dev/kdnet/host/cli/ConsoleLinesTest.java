package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lines that arrive while a status line (a progress bar) shows go above it; without one they are plain lines. */
class ConsoleLinesTest {
    private static final String CLEAR_LINE = "\r\033[K";
    private static final String NL = System.lineSeparator();

    private final StringWriter screen = new StringWriter();
    private final ConsoleLines lines = new ConsoleLines(new PrintWriter(screen), Optional.empty(), () -> 80);

    @Test
    void aLineAboveTheStatusLineClearsItPrintsTheLineAndDrawsTheStatusLineAgain() {
        lines.show("dump 10%");
        lines.show("dump 20%");
        lines.above("12:00:00.000 INFO  TargetSession: a log line\n");

        assertThat(screen.toString()).isEqualTo(CLEAR_LINE + "dump 10%" + CLEAR_LINE + "dump 20%" + CLEAR_LINE
                + "12:00:00.000 INFO  TargetSession: a log line" + NL + "dump 20%");
    }

    @Test
    void theEndOfTheStatusLineLeavesItAndLaterLinesArePlain() {
        lines.show("dump 100%");
        lines.end();
        lines.above("after");
        lines.end();

        assertThat(screen.toString()).isEqualTo(CLEAR_LINE + "dump 100%" + NL + "after" + NL);
    }

    @Test
    void withoutAStatusLineALineIsPrintedAsItIs() {
        lines.above("DbgPrint text without a newline");

        assertThat(screen.toString()).isEqualTo("DbgPrint text without a newline" + NL);
        assertThat(lines.width()).isEqualTo(80);
    }
}
