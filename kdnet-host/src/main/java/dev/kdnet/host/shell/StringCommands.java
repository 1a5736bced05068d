package dev.kdnet.host.shell;

import dev.kdnet.host.api.MemoryRead;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code da} and {@code du}: an ASCII or UTF-16 string in virtual memory, up to its NUL or the count given
 * ({@code L COUNT} characters; 0x100 by default), 48 characters a line after the address of the line's first,
 * non-printable characters as dots, as WinDbg shows them.
 */
final class StringCommands {
    /** Characters a line shows. */
    static final int LINE_CHARACTERS = 48;

    private static final long DEFAULT_CHARACTERS = 0x100;

    private StringCommands() {
    }

    static void register(Shell shell) {
        shell.add("da", "display an ASCII string (to its NUL): da ADDR [L COUNT]", (s, args) -> display(s, args, "da",
                1));
        shell.add("du", "display a UTF-16 string (to its NUL): du ADDR [L COUNT]", (s, args) -> display(s, args,
                "du", 2));
    }

    private static void display(Shell shell, List<String> args, String name, int width) {
        if (args.isEmpty()) {
            throw new ShellException(name + " needs an address: " + name + " ADDR [L COUNT]");
        }
        Range range = Range.parse(args, shell.expression(), DEFAULT_CHARACTERS, width);
        int length = (int) range.bytes(Range.DISPLAY_LIMIT, name, "display it in parts");
        MemoryRead read = shell.debugger().readVirtual(range.address(), length);
        String text = decode(read.bytes(), width);
        lines(range.address(), text, width).forEach(shell.out()::println);
        if (text.length() * width == read.bytes().length && !read.complete()) {
            if (text.isEmpty()) {
                shell.out().println(Hex.address(range.address()) + "  \"????????\"");
            }
            throw new ShellException(String.format("memory at %s is not readable (status %08x)",
                    Hex.address(range.address() + read.bytes().length), read.status()));
        }
    }

    /** The characters of {@code bytes} up to the first NUL, non-printable ones as dots. */
    static String decode(byte[] bytes, int width) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + width <= bytes.length; i += width) {
            int c = width == 1 ? bytes[i] & 0xFF : (bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8;
            if (c == 0) {
                break;
            }
            text.append(c >= 0x20 && c != 0x7F && (width == 2 ? Character.isDefined(c) && !Character.isISOControl(c)
                    && !Character.isSurrogate((char) c) : c < 0x7F) ? (char) c : '.');
        }
        return text.toString();
    }

    /** {@code text} cut in lines of 48 characters, each after the address of its first character. */
    static List<String> lines(long address, String text, int width) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (int start = 0; start < text.length(); start += LINE_CHARACTERS) {
            String part = text.substring(start, Math.min(text.length(), start + LINE_CHARACTERS));
            lines.add(Hex.address(address + (long) start * width) + "  \"" + part + "\"");
        }
        return lines;
    }

    /** {@code text} as the bytes a string search looks for: ASCII ({@code width} 1) or UTF-16LE. */
    static byte[] encode(String text, int width) {
        return text.getBytes(width == 1 ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16LE);
    }
}
