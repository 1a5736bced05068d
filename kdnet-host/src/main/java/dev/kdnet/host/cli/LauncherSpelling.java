package dev.kdnet.host.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * A hidden host subcommand that users run as a launcher command of its own (e.g. {@code rules} as
 * {@code ./kdnet rules}): its usage line says the launcher's spelling.
 */
final class LauncherSpelling {
    private LauncherSpelling() {
    }

    /** Makes the synopsis of {@code command} say {@code spelling} instead of its name under the host. */
    static void apply(CommandLine command, String spelling) {
        String underHost = command.getCommandSpec().qualifiedName();
        command.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_SYNOPSIS,
                help -> help.synopsis(help.synopsisHeadingLength()).replace(underHost, spelling));
    }
}
