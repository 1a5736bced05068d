package dev.kdnet.host.firewall;

/**
 * One rule of a {@link RuleSet}: the text a tool takes (one line, or an indented block for swanctl.conf) and the one
 * comment line printed above it.
 *
 * @param comment what the rule does, one line without the format's comment mark
 * @param text    the rule itself
 */
public record Rule(String comment, String text) implements RuleSet.Part {
    /** Checks that the comment is one line. */
    public Rule {
        if (comment.isBlank() || comment.contains("\n")) {
            throw new IllegalArgumentException("a rule's comment is one non-blank line: " + comment);
        }
    }
}
