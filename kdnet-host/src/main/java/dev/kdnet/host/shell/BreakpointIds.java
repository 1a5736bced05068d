package dev.kdnet.host.shell;

import dev.kdnet.host.api.Breakpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The breakpoint ids a command names, as WinDbg takes them: decimal ids separated by spaces or commas, ranges
 * {@code 1-3}, or {@code *} for all.
 *
 * @param all    true for {@code *}
 * @param ranges the ids and ranges named
 */
record BreakpointIds(boolean all, List<BreakpointIds.IdRange> ranges) {
    /** Ids {@code from} to {@code to}, both included. */
    record IdRange(long from, long to) {
        boolean contains(Breakpoint b) {
            return b.id() >= from && b.id() <= to;
        }

        @Override
        public String toString() {
            return from == to ? String.valueOf(from) : from + "-" + to;
        }
    }

    private static final String USAGE = "give ids from bl: 1, 1 3, 1,3, 1-3 or *";

    /** Parses {@code text}; a word that is not an id says so in one line. */
    static BreakpointIds parse(String text) {
        List<IdRange> ranges = new ArrayList<>();
        for (String word : text.trim().split("[\\s,]+")) {
            if (word.equals("*")) {
                return new BreakpointIds(true, List.of());
            }
            int dash = word.indexOf('-', 1);
            long from = id(dash < 0 ? word : word.substring(0, dash), word);
            long to = dash < 0 ? from : id(word.substring(dash + 1), word);
            if (to < from) {
                throw new ShellException("breakpoint range " + word + " runs backwards: write " + to + "-" + from);
            }
            ranges.add(new IdRange(from, to));
        }
        return new BreakpointIds(false, List.copyOf(ranges));
    }

    private static long id(String digits, String word) {
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            throw new ShellException("\"" + word + "\" is not a breakpoint id: " + USAGE);
        }
        return Long.parseLong(digits);
    }

    /** The breakpoints of {@code existing} these ids name; an id or range that names none says so. */
    List<Breakpoint> select(List<Breakpoint> existing) {
        if (all) {
            return existing;
        }
        List<Breakpoint> chosen = new ArrayList<>();
        for (IdRange range : ranges) {
            List<Breakpoint> named = existing.stream().filter(range::contains).toList();
            if (named.isEmpty()) {
                throw new ShellException("no breakpoint " + range + (existing.isEmpty() ? ": there are none"
                        : " (bl lists them)"));
            }
            named.stream().filter(b -> !chosen.contains(b)).forEach(chosen::add);
        }
        return chosen;
    }
}
