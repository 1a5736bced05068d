package dev.kdnet.protocol.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.junit.jupiter.api.Test;

/** Help footers keep example commands whole at any width and wrap the rest; --version prints the project's. */
class HelpLayoutTest {
    private static final String EXAMPLE_FORMAT = "  ./kdnet host relay --listen 127.0.0.1:50001 --to"
            + " 127.0.0.1:50000 --loss 5%% --dup 1%% --reorder 2%% --delay 1ms";
    private static final String EXAMPLE = EXAMPLE_FORMAT.replace("%%", "%");

    @Command(name = "sample", usageHelpWidth = 60, mixinStandardHelpOptions = true,
            versionProvider = ProjectVersion.class,
            footer = {"", "A prose line long enough that it has to wrap somewhere before the end of the sixty"
                    + " columns.", "Example:", EXAMPLE_FORMAT})
    static final class Sample implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }

    private static List<String> output(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Sample());
        HelpLayout.apply(commandLine);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.execute(args);
        assertThat(err.toString()).as("picocli's warnings").isEmpty();
        return out.toString().lines().toList();
    }

    @Test
    void anExampleIsPrintedWholeWhileProseWraps() {
        List<String> help = output("--help");

        assertThat(help).contains(EXAMPLE);
        assertThat(help).contains("A prose line long enough that it has to wrap somewhere");
        assertThat(help.stream().filter(line -> !line.equals(EXAMPLE))).allMatch(line -> line.length() <= 60);
    }

    @Test
    void versionIsTheProjectsFromTheBuild() {
        assertThat(ProjectVersion.version()).matches("[0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?");
        assertThat(output("--version")).containsExactly("kdnet " + ProjectVersion.version());
    }
}
