package dev.kdnet.protocol.cli;

import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.IVersionProvider;

/**
 * The help layout of both command lines: picocli wraps footer lines at the terminal's width, which cuts an example
 * in the middle of a command and breaks copy and paste. Here a footer line that is a command ({@code ./kdnet ...},
 * after its indentation) is printed whole, however long; the other lines wrap as before. Footer lines are format
 * strings as everywhere in picocli's help: a literal percent sign is written {@code %%}.
 */
public final class HelpLayout {
    /** How an example command line starts, after its indentation. */
    static final String COMMAND = "./kdnet ";

    private HelpLayout() {
    }

    /**
     * Applies the layout to {@code commandLine} and every subcommand it has now, and gives each subcommand the
     * version provider of {@code commandLine}, for an inherited {@code --version} option (picocli does not pass it
     * on).
     */
    public static void apply(CommandLine commandLine) {
        Map<String, IHelpSectionRenderer> sections = commandLine.getHelpSectionMap();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, HelpLayout::footer);
        commandLine.setHelpSectionMap(sections);
        IVersionProvider version = commandLine.getCommandSpec().versionProvider();
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
    }

    /** The footer of {@code help}: examples whole, other lines wrapped at the usage width. */
    static String footer(Help help) {
        int width = help.commandSpec().usageMessage().width();
        StringBuilder text = new StringBuilder();
        Arrays.stream(help.commandSpec().usageMessage().footer()).map(String::format).forEach(line -> {
            if (isCommand(line)) {
                text.append(line).append(System.lineSeparator());
            } else {
                TextTable table = TextTable.forColumnWidths(help.colorScheme(), width);
                table.indentWrappedLines = 0;
                table.addRowValues(line);
                text.append(table);
            }
        });
        return text.toString();
    }

    /** Whether {@code line} is an example command, to be printed whole. */
    static boolean isCommand(String line) {
        return line.stripLeading().startsWith(COMMAND);
    }
}
