package dev.kdnet.host.shell;

import dev.kdnet.host.api.MemoryRead;
import dev.kdnet.host.api.MemorySpace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code s} searches virtual memory for a pattern and shows each hit as a display line at its address, as WinDbg
 * does; {@code f} fills a range with a repeated byte pattern. Both read or write at most
 * {@link Range#DISPLAY_LIMIT} bytes.
 */
final class SearchCommands {
    private static final int HIT_LINE_BYTES = 16;

    private SearchCommands() {
    }

    static void register(Shell shell) {
        shell.add("s", "search memory: s [-b|-w|-d|-q] ADDR L COUNT VALUE... or s -a|-u ADDR L COUNT \"text\"",
                SearchCommands::search);
        shell.add("f", "fill memory with a repeated byte pattern: f ADDR L COUNT BYTE...", SearchCommands::fill);
    }

    private static void search(Shell shell, List<String> args) {
        List<String> words = args;
        SearchType type = SearchType.BYTES;
        if (!words.isEmpty() && words.get(0).startsWith("-")) {
            type = SearchType.of(words.get(0));
            words = words.subList(1, words.size());
        }
        RangeAndPattern parsed = RangeAndPattern.parse("s", words, shell.expression(), type.unit());
        byte[] pattern = type.pattern(parsed.pattern(), shell.expression());
        Range range = parsed.range();
        long length = range.bytes(Range.DISPLAY_LIMIT, "s", "search in parts");
        MemoryRead read = shell.debugger().readVirtual(range.address(), (int) length + HIT_LINE_BYTES - 1);
        byte[] bytes = read.bytes();
        PrintWriter out = shell.out();
        int searched = (int) Math.min(length, bytes.length);
        for (int offset : hits(range.address(), bytes, searched, pattern, type.alignment())) {
            out.println(MemoryCommands.addressColumn(MemorySpace.VIRTUAL, range.address() + offset)
                    + type.hitFormat().line(bytes, offset, Math.min(HIT_LINE_BYTES, bytes.length - offset)));
        }
        if (searched < length) {
            throw new ShellException(String.format("memory at %s is not readable (status %08x); searched up to it",
                    Hex.address(range.address() + searched), read.status()));
        }
    }

    /** Offsets in {@code bytes} where {@code pattern} starts within the first {@code searched} bytes, aligned. */
    static List<Integer> hits(long address, byte[] bytes, int searched, byte[] pattern, int alignment) {
        List<Integer> hits = new ArrayList<>();
        for (int offset = 0; offset < searched && offset + pattern.length <= bytes.length; offset++) {
            if (Long.remainderUnsigned(address + offset, alignment) == 0
                    && Arrays.equals(bytes, offset, offset + pattern.length, pattern, 0, pattern.length)) {
                hits.add(offset);
            }
        }
        return hits;
    }

    private static void fill(Shell shell, List<String> args) {
        RangeAndPattern parsed = RangeAndPattern.parse("f", args, shell.expression(), 1);
        byte[] pattern = SearchType.BYTES.pattern(parsed.pattern(), shell.expression());
        Range range = parsed.range();
        int length = (int) range.bytes(Range.DISPLAY_LIMIT, "f", "fill in parts");
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = pattern[i % pattern.length];
        }
        int written = shell.debugger().writeVirtual(range.address(), data);
        if (written != length) {
            throw new ShellException(String.format("filled %#x of %#x bytes: memory at %s is not writable",
                    written, length, Hex.address(range.address() + written)));
        }
        shell.out().printf("Filled %#x bytes%n", length);
    }

    /** What {@code s} looks for: the width of its values, how hits align and how they are shown. */
    enum SearchType {
        BYTES(1, 1, DisplayFormat.BYTES), WORDS(2, 2, DisplayFormat.WORDS), DWORDS(4, 4, DisplayFormat.DWORDS_ASCII),
        QWORDS(8, 8, DisplayFormat.QWORDS), ASCII(1, 1, DisplayFormat.BYTES), UNICODE(2, 1, DisplayFormat.BYTES);

        private final int unit;
        private final int alignment;
        private final DisplayFormat hitFormat;

        SearchType(int unit, int alignment, DisplayFormat hitFormat) {
            this.unit = unit;
            this.alignment = alignment;
            this.hitFormat = hitFormat;
        }

        static SearchType of(String flag) {
            return switch (flag.toLowerCase(Locale.ROOT)) {
                case "-b" -> BYTES;
                case "-w" -> WORDS;
                case "-d" -> DWORDS;
                case "-q" -> QWORDS;
                case "-a" -> ASCII;
                case "-u" -> UNICODE;
                default -> throw new ShellException("s has no type " + flag + ": use -b, -w, -d, -q, -a or -u");
            };
        }

        int unit() {
            return unit;
        }

        int alignment() {
            return alignment;
        }

        DisplayFormat hitFormat() {
            return hitFormat;
        }

        /** The bytes of {@code words}: values of this width, or for ASCII and Unicode one quoted text. */
        byte[] pattern(List<String> words, Expression expression) {
            if (this == ASCII || this == UNICODE) {
                String text = String.join(" ", words);
                if (text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
                    throw new ShellException("the text to search for goes in double quotes: s "
                            + (this == ASCII ? "-a" : "-u") + " ADDR L COUNT \"text\"");
                }
                return StringCommands.encode(text.substring(1, text.length() - 1), this == ASCII ? 1 : 2);
            }
            return UnitValues.littleEndian(words, unit, expression);
        }
    }

    /**
     * {@code ADDR L COUNT PATTERN...} as {@code s} and {@code f} take it: the address one word, the length
     * {@code L COUNT}, {@code LCOUNT} or {@code L?COUNT}, then the pattern.
     */
    record RangeAndPattern(Range range, List<String> pattern) {
        static RangeAndPattern parse(String name, List<String> words, Expression expression, int unit) {
            String usage = name + " needs ADDR L COUNT then the pattern, e.g. " + name + " nt L1000 4d 5a";
            if (words.size() < 3 || !words.get(1).regionMatches(true, 0, "L", 0, 1)) {
                throw new ShellException(usage);
            }
            boolean separate = words.get(1).equalsIgnoreCase("L") || words.get(1).equalsIgnoreCase("L?");
            int patternStart = separate ? 3 : 2;
            if (words.size() <= patternStart) {
                throw new ShellException(usage);
            }
            String length = separate ? words.get(1) + words.get(2) : words.get(1);
            Range range = Range.parse(List.of(words.get(0), length), expression, 0, unit);
            return new RangeAndPattern(range, words.subList(patternStart, words.size()));
        }
    }
}
