package dev.kdnet.host.shell;

/**
 * What a script may hold besides commands: WinDbg's comments and blank lines. A line starting with {@code *} is a
 * comment to its end, as in WinDbg; so is one starting with {@code #} (a shell-script habit). A command starting with
 * {@code $$} is a comment up to the next {@code ;}, as in WinDbg.
 */
final class ScriptComments {
    private static final String LINE_COMMENT = "*";
    private static final String HASH_COMMENT = "#";
    private static final String COMMAND_COMMENT = "$$";

    private ScriptComments() {
    }

    /** True if all of {@code line} is a comment or blank. */
    static boolean isCommentLine(String line) {
        String text = line.strip();
        return text.isEmpty() || text.startsWith(LINE_COMMENT) || text.startsWith(HASH_COMMENT);
    }

    /** True if {@code command} (one of a line's {@code ;}-separated parts) is a {@code $$} comment. */
    static boolean isCommentCommand(String command) {
        return command.strip().startsWith(COMMAND_COMMENT);
    }
}
