package dev.kdnet.host.firewall;

import java.util.List;

/**
 * A rule set in one format, as values: the rules with their comments, the uncommented lines that frame them (like
 * iptables-restore's {@code *filter} and {@code COMMIT}, or swanctl.conf's braces) and notes printed as comments.
 *
 * @param commentMark how the format starts a comment line, e.g. {@code #} or {@code REM}
 * @param parts       everything, in printing order
 */
public record RuleSet(String commentMark, List<Part> parts) {
    /** One piece of a rule set. */
    public sealed interface Part permits Rule, Frame, Note {
    }

    /**
     * Lines the format needs around the rules, printed as they are.
     *
     * @param text the lines
     */
    public record Frame(String text) implements Part {
    }

    /**
     * A remark printed as a comment line, not tied to one rule.
     *
     * @param text the remark, one line without the comment mark
     */
    public record Note(String text) implements Part {
    }

    /** Copies the parts. */
    public RuleSet {
        parts = List.copyOf(parts);
    }

    /** The rules, without frames and notes. */
    public List<Rule> rules() {
        return parts.stream().filter(Rule.class::isInstance).map(Rule.class::cast).toList();
    }

    /** The printed text: each rule preceded by its comment line (indented like the rule), ending with a newline. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Rule rule) {
                text.append(indentOf(rule.text())).append(commentMark).append(' ').append(rule.comment())
                        .append('\n').append(rule.text()).append('\n');
            } else if (part instanceof Note note) {
                text.append(commentMark).append(' ').append(note.text()).append('\n');
            } else {
                text.append(((Frame) part).text()).append('\n');
            }
        }
        return text.toString();
    }

    private static String indentOf(String text) {
        return text.substring(0, text.length() - text.stripLeading().length());
    }
}
