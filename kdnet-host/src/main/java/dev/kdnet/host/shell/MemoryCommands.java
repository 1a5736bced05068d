package dev.kdnet.host.shell;

import dev.kdnet.host.api.MemoryRead;
import dev.kdnet.host.api.MemorySpace;
import dev.kdnet.host.api.Progress;
import dev.kdnet.protocol.WireBytes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Memory commands: display ({@code db dw dd dq}), edit ({@code eb ew ed eq}), and write to a file
 * ({@code .writemem} for virtual memory, {@code .dumpphys} for physical memory with progress and the rate; a dump
 * goes on across a target reboot, saying where, once the debugger attached again).
 */
final class MemoryCommands {
    private static final int LINE_BYTES = 16;
    private static final long DEFAULT_BYTES = 0x80;

    /** A display or edit unit: its command letter and width in bytes. */
    private enum Unit {
        BYTE('b', 1), WORD('w', 2), DWORD('d', 4), QWORD('q', 8);

        private final char letter;
        private final int size;

        Unit(char letter, int size) {
            this.letter = letter;
            this.size = size;
        }
    }

    private MemoryCommands() {
    }

    static void register(Shell shell) {
        for (Unit unit : Unit.values()) {
            shell.add("d" + unit.letter, "display memory in " + unit.size + "-byte units: d" + unit.letter
                    + " ADDR [L COUNT]", (s, args) -> display(s, args, unit));
            shell.add("e" + unit.letter, "enter " + unit.size + "-byte values: e" + unit.letter + " ADDR VALUE...",
                    (s, args) -> enter(s, args, unit));
        }
        shell.add(".writemem", "write virtual memory to a file: .writemem FILE ADDR L?SIZE",
                (s, args) -> toFile(s, args, range -> s.debugger().read(MemorySpace.VIRTUAL, range.address(),
                        (int) range.count(), Progress.NONE)));
        shell.add(".dumpphys", "dump physical memory to a file with progress, across target reboots:"
                + " .dumpphys FILE ADDR L?SIZE", MemoryCommands::dumpPhysical);
    }

    private static void display(Shell shell, List<String> args, Unit unit) {
        if (args.isEmpty()) {
            throw new ShellException("d" + unit.letter + " needs an address");
        }
        Range range = Range.parse(args, shell.expression(), DEFAULT_BYTES / unit.size, unit.size);
        MemoryRead read = shell.debugger().readVirtual(range.address(), (int) (range.count() * unit.size));
        byte[] bytes = read.bytes();
        PrintWriter out = shell.out();
        for (int offset = 0; offset < bytes.length; offset += LINE_BYTES) {
            int count = Math.min(LINE_BYTES, bytes.length - offset);
            out.println(Hex.address(range.address() + offset) + "  " + line(bytes, offset, count, unit));
        }
        if (!read.complete()) {
            out.println(Hex.address(range.address() + bytes.length) + "  ??");
            throw new ShellException(String.format("memory at %s is not readable (status %08x)",
                    Hex.address(range.address() + bytes.length), read.status()));
        }
    }

    private static String line(byte[] bytes, int offset, int count, Unit unit) {
        if (unit == Unit.BYTE) {
            StringBuilder hex = new StringBuilder(HexBytes.spaced(bytes, offset, count));
            if (count > 8) {
                hex.setCharAt(8 * 3 - 1, '-');
            }
            return String.format("%-49s %s", hex, HexBytes.ascii(bytes, offset, count));
        }
        StringBuilder text = new StringBuilder();
        for (int i = offset; i + unit.size <= offset + count; i += unit.size) {
            long value = WireBytes.getUnsigned(WireBytes.wrap(bytes), i, unit.size);
            String digits = unit == Unit.QWORD ? Hex.address(value)
                    : String.format("%0" + unit.size * 2 + "x", value);
            text.append(text.length() == 0 ? "" : " ").append(digits);
        }
        return text.toString();
    }

    private static void enter(Shell shell, List<String> args, Unit unit) {
        if (args.size() < 2) {
            throw new ShellException("e" + unit.letter + " needs an address and at least one value");
        }
        Expression expression = shell.expression();
        long address = expression.evaluate(args.get(0));
        byte[] data = new byte[(args.size() - 1) * unit.size];
        for (int i = 1; i < args.size(); i++) {
            WireBytes.putUnsigned(WireBytes.wrap(data), (i - 1) * unit.size, unit.size,
                    expression.evaluate(args.get(i)));
        }
        int written = shell.debugger().writeVirtual(address, data);
        if (written != data.length) {
            throw new ShellException("wrote " + written + " of " + data.length + " bytes at " + Hex.address(address));
        }
    }

    /** {@code .dumpphys}: waits as long as {@code .reboot} does for the target to attach again after a reboot. */
    private static void dumpPhysical(Shell shell, List<String> args) {
        toFile(shell, args, range -> {
            try (TransferProgress progress = TransferProgress.start(shell.out(), shell.statusLine(),
                    range.address())) {
                return shell.debugger().dumpPhysical(range.address(), (int) range.count(), progress,
                        shell.reattachTimeout());
            }
        });
    }

    private static void toFile(Shell shell, List<String> args, Function<Range, MemoryRead> reader) {
        if (args.size() < 2) {
            throw new ShellException("needs FILE ADDR L?SIZE");
        }
        Path file = Path.of(args.get(0));
        Range range = Range.parse(args.subList(1, args.size()), shell.expression(), DEFAULT_BYTES, 1);
        if (range.count() > Integer.MAX_VALUE) {
            throw new ShellException("at most 2 GiB per file");
        }
        long started = System.nanoTime();
        MemoryRead read = reader.apply(range);
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        try {
            Files.write(file, read.bytes());
        } catch (IOException e) {
            throw new ShellException("cannot write " + file + ": " + e.getMessage());
        }
        shell.out().printf("Writing %#x bytes to %s: %.2f MB/s%n", read.bytes().length, file,
                read.bytes().length / seconds / 1e6);
        if (!read.complete()) {
            throw new ShellException("memory ends at " + Hex.address(range.address() + read.bytes().length)
                    + "; wrote the " + read.bytes().length + " bytes before it");
        }
    }
}
