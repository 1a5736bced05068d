package dev.kdnet.host.shell;

import dev.kdnet.host.api.CancelledException;
import dev.kdnet.host.api.MemoryRead;
import dev.kdnet.host.api.MemorySpace;
import dev.kdnet.host.api.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Memory commands: display virtual memory ({@code db dw dd dq}, {@code dc} with ASCII, {@code dps dqs} one pointer
 * a line) and physical memory ({@code !db !dw !dd !dc !dq}), edit ({@code eb ew ed eq}), and write to a file
 * ({@code .writemem} for virtual memory, {@code .dumpphys} for physical memory with progress and the rate; a dump
 * goes on across a target reboot, saying where, once the debugger attached again). A display reads at most
 * {@link Range#DISPLAY_LIMIT} bytes; a file takes any length, read and written in {@link PiecewiseRead} pieces.
 */
final class MemoryCommands {
    private static final long DEFAULT_BYTES = 0x80;

    private static final String DISPLAY_INSTEAD = "write more to a file with .writemem FILE ADDR L?SIZE";

    /** An edit unit: its command letter and width in bytes. */
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
        Map<String, DisplayFormat> displays = new LinkedHashMap<>();
        displays.put("b", DisplayFormat.BYTES);
        displays.put("w", DisplayFormat.WORDS);
        displays.put("d", DisplayFormat.DWORDS);
        displays.put("c", DisplayFormat.DWORDS_ASCII);
        displays.put("q", DisplayFormat.QWORDS);
        displays.forEach((letter, format) -> {
            String unit = format.unit() + "-byte units" + (format == DisplayFormat.DWORDS_ASCII ? " and ASCII" : "");
            shell.add("d" + letter, "display memory in " + unit + ": d" + letter + " ADDR [L COUNT]",
                    (s, args) -> display(s, args, "d" + letter, format, MemorySpace.VIRTUAL));
            shell.add("!d" + letter, "display physical memory in " + unit + ": !d" + letter + " PADDR [L COUNT]",
                    (s, args) -> display(s, args, "!d" + letter, format, MemorySpace.PHYSICAL));
        });
        for (String name : List.of("dps", "dqs")) {
            shell.add(name, "display pointer-size (8-byte) values, one a line: " + name + " ADDR [L COUNT]",
                    (s, args) -> display(s, args, name, DisplayFormat.POINTERS, MemorySpace.VIRTUAL));
        }
        for (Unit unit : Unit.values()) {
            shell.add("e" + unit.letter, "enter " + unit.size + "-byte values: e" + unit.letter + " ADDR VALUE...",
                    (s, args) -> enter(s, args, unit));
        }
        shell.add(".writemem", "write virtual memory to a file: .writemem FILE ADDR L?SIZE",
                (s, args) -> toFile(s, args, ".writemem", (address, length, progress) -> s.debugger().read(
                        MemorySpace.VIRTUAL, address, length, progress)));
        shell.add(".dumpphys", "dump physical memory to a file with progress, across target reboots (waiting for"
                + " the new attach as long as .reboot waits): .dumpphys FILE ADDR L?SIZE", (s, args) -> toFile(s,
                        args, ".dumpphys", (address, length, progress) -> s.debugger().dumpPhysical(address, length,
                                progress, s.reattachTimeout())));
    }

    private static void display(Shell shell, List<String> args, String name, DisplayFormat format,
            MemorySpace space) {
        if (args.isEmpty()) {
            throw new ShellException(name + " needs an address: " + name + " ADDR [L COUNT]");
        }
        Range range = Range.parse(args, shell.expression(), DEFAULT_BYTES / format.unit(), format.unit());
        int length = (int) range.bytes(Range.DISPLAY_LIMIT, name, DISPLAY_INSTEAD);
        MemoryRead read = shell.debugger().read(space, range.address(), length, Progress.NONE);
        byte[] bytes = read.bytes();
        PrintWriter out = shell.out();
        for (int offset = 0; offset < bytes.length; offset += format.lineBytes()) {
            int count = Math.min(format.lineBytes(), bytes.length - offset);
            out.println(addressColumn(space, range.address() + offset) + format.line(bytes, offset, count));
        }
        if (!read.complete()) {
            long stopped = range.address() + bytes.length;
            out.println(addressColumn(space, stopped) + "??");
            throw new ShellException(String.format("%s at %s is not readable (status %08x)",
                    space == MemorySpace.PHYSICAL ? "physical memory" : "memory", Hex.address(stopped),
                    read.status()));
        }
    }

    /** Where a display line starts: {@code fffff804`7a000000  } for virtual, {@code #    1000 } for physical. */
    static String addressColumn(MemorySpace space, long address) {
        return space == MemorySpace.PHYSICAL ? String.format("#%8x ", address) : Hex.address(address) + "  ";
    }

    private static void enter(Shell shell, List<String> args, Unit unit) {
        if (args.size() < 2) {
            throw new ShellException("e" + unit.letter + " needs an address and at least one value");
        }
        Expression expression = shell.expression();
        long address = expression.evaluate(args.get(0));
        byte[] data = UnitValues.littleEndian(args.subList(1, args.size()), unit.size, expression);
        int written = shell.debugger().writeVirtual(address, data);
        if (written != data.length) {
            throw new ShellException("wrote " + written + " of " + data.length + " bytes at " + Hex.address(address));
        }
    }

    private static void toFile(Shell shell, List<String> args, String name, PiecewiseRead.Reader reader) {
        if (args.size() < 2) {
            throw new ShellException(name + " needs FILE ADDR L?SIZE");
        }
        Path file = Path.of(args.get(0));
        Range range = Range.parse(args.subList(1, args.size()), shell.expression(), DEFAULT_BYTES, 1);
        if (Long.compareUnsigned(range.count() - 1, -1L - range.address()) > 0) {
            throw new ShellException(String.format("%s L?%x runs past the last address, ffffffff`ffffffff:"
                    + " give at most L?%x", Hex.address(range.address()), range.count(), -range.address()));
        }
        OutputFile.requireDirectory(file);
        long started = System.nanoTime();
        PiecewiseRead.Outcome outcome;
        try (OutputFile out = OutputFile.create(file);
                TransferProgress progress = TransferProgress.start(shell.out(), shell.statusLine(),
                        range.address())) {
            outcome = PiecewiseRead.run(range.address(), range.count(), PiecewiseRead.PIECE, reader, progress,
                    out::write);
        } catch (CancelledException e) {
            OutputFile.discard(file);
            throw e;
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        shell.out().printf("Writing %#x bytes to %s: %.2f MB/s%n", outcome.bytes(), file,
                outcome.bytes() / seconds / 1e6);
        if (outcome.bytes() != range.count()) {
            throw new ShellException(String.format("memory ends at %s (status %08x); wrote the %#x bytes before it",
                    Hex.address(range.address() + outcome.bytes()), outcome.status(), outcome.bytes()));
        }
    }
}
