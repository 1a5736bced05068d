package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.KernelSymbols;
import dev.kdnet.sim.kernel.SimulatedKernel;
import dev.kdnet.sim.kernel.SyntheticInstruction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory, string, search, fill, breakpoint and general commands of the shell through {@code ./kdnet host listen
 * -c} (in-process) against a simulated one-CPU target on 127.0.0.2, checked against the simulated kernel's own
 * memory and state; and the one-line messages for what they cannot do.
 */
class ShellMemoryIT {
    private static final String KEY = "1.2.3.4";
    private static final Duration RUN = Duration.ofSeconds(40);

    private int port;
    private LoopbackTarget target;
    private volatile long rsp;
    private volatile long rip;

    @BeforeEach
    void startTarget() throws Exception {
        port = LoopbackTarget.freePort();
        target = new LoopbackTarget(DebuggerAttachIT.KEY, port, 2, KernelConfig.defaults().withCpus(1));
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    private InProcessHost listen(String commands) throws Exception {
        List<String> all = new ArrayList<>(List.of("listen", "--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--key", KEY, "-c", commands));
        InProcessHost host = InProcessHost.start(this::rememberRegisters, all.toArray(String[]::new));
        host.exitCode(RUN);
        return host;
    }

    /** Runs on the host's thread at each line it prints, while the kernel is still stopped. */
    private void rememberRegisters() {
        SimulatedKernel kernel = target.kernel();
        if (kernel != null) {
            rsp = kernel.context(0).get(X64Register.RSP);
            rip = kernel.context(0).get(X64Register.RIP);
        }
    }

    private static String address(long value) {
        return String.format("%08x`%08x", value >>> 32, value & 0xFFFF_FFFFL);
    }

    private static String ascii(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return text.toString();
    }

    private static long u64(byte[] bytes, int offset) {
        return WireBytes.wrap(bytes).getLong(offset);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void displaysShowTheKernelsMemoryVirtualAndPhysical() throws Exception {
        SimulatedKernel kernel = target.kernel();
        KernelSymbols symbols = kernel.symbols();
        long nt = symbols.kernBase();
        long ntPhysical = kernel.memory().translate(nt);
        long processorBlock = symbols.kiProcessorBlock();

        InProcessHost run = listen(String.format("dc nt L8; dqs %x L2; dps %x L1; !db %x L10; !dd %x L4; !dq %x L2;"
                + " q", processorBlock, processorBlock, ntPhysical, ntPhysical, ntPhysical));

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        byte[] header = kernel.memory().read(nt, 0x20);
        ByteLines lines = new ByteLines(header);
        assertThat(run.out()).as(run.transcript())
                .contains(address(nt) + "  " + lines.dwords(0) + "  " + ascii(Arrays.copyOf(header, 16)))
                .contains(address(nt + 0x10) + "  " + lines.dwords(16) + "  "
                        + ascii(Arrays.copyOfRange(header, 16, 32)));
        byte[] pointers = kernel.memory().read(processorBlock, 16);
        assertThat(u64(pointers, 0)).as("KiProcessorBlock[0] is CPU 0's KPRCB").isEqualTo(
                symbols.cpus().get(0).kprcb());
        assertThat(run.out().lines().filter(l -> l.equals(address(processorBlock) + "  " + address(u64(pointers,
                0))))).as("dqs and dps, one pointer a line").hasSize(2);
        assertThat(run.out()).contains(address(processorBlock + 8) + "  " + address(u64(pointers, 8)));
        byte[] physical = kernel.physical().read(ntPhysical, 16);
        assertThat(physical).as("the kernel's first page, physically").startsWith('M', 'Z');
        assertThat(run.out())
                .contains(String.format("#%8x ", ntPhysical) + new ByteLines(physical).bytes(0) + "  "
                        + ascii(physical))
                .contains(String.format("#%8x ", ntPhysical) + new ByteLines(physical).dwords(0) + "\n")
                .contains(String.format("#%8x ", ntPhysical) + address(u64(physical, 0)) + " "
                        + address(u64(physical, 8)));
    }

    @Test
    void stringsSearchFillAndEvaluate() throws Exception {
        SimulatedKernel kernel = target.kernel();
        long nt = kernel.symbols().kernBase();
        byte[] image = kernel.memory().read(nt, 0x1000);
        int dosText = indexOf(image, "This program".getBytes(StandardCharsets.US_ASCII));
        long systemRoot = kernel.symbols().kuserSharedData() + 0x30;

        InProcessHost run = listen(String.format("da nt+%x; du %x; s -a nt L1000 \"DOS mode\"; s -d nt L100 905a4d;"
                + " s -b nt L1000 4d 5a 90; f rsp-3000 L20 41 42 43; db rsp-3000 L20; ? nt+10*2; ? 0-1;"
                + " .echo hello   world; help; q", dosText, systemRoot));

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        assertThat(dosText).isPositive();
        assertThat(run.out()).as(run.transcript())
                .contains(address(nt + dosText) + "  \"This program cannot be run in DOS mode....$\"\n")
                .contains(address(systemRoot) + "  \"C:\\Windows\"\n");
        int dosMode = indexOf(image, "DOS mode".getBytes(StandardCharsets.US_ASCII));
        ByteLines lines = new ByteLines(image);
        assertThat(run.out()).contains(address(nt + dosMode) + "  " + lines.bytes(dosMode) + "  "
                + ascii(Arrays.copyOfRange(image, dosMode, dosMode + 16)));
        assertThat(run.out()).contains(address(nt) + "  " + lines.dwords(0) + "  ");
        assertThat(run.out().lines().filter(l -> l.startsWith(address(nt) + "  4d 5a 90 00"))).as("s -b hit")
                .hasSize(1);

        long scratch = rsp - 0x3000;
        byte[] filled = kernel.memory().read(scratch, 0x20);
        assertThat(new String(filled, StandardCharsets.US_ASCII)).isEqualTo("ABC".repeat(10) + "AB");
        assertThat(run.out()).contains("Filled 0x20 bytes")
                .contains(address(scratch) + "  41 42 43 41 42 43 41 42-43 41 42 43 41 42 43 41  ABCABCABCABCABCA");
        long value = nt + 0x20;
        assertThat(run.out()).contains("Evaluate expression: " + value + " = " + address(value))
                .contains("Evaluate expression: -1 = ffffffff`ffffffff")
                .contains("\nhello world\n");
        assertThat(run.out().lines().filter(l -> l.startsWith("  ")).map(l -> l.strip().split(" ")[0])
                .collect(Collectors.toSet())).as("help lists one line a command")
                .contains("dc", "da", "du", "dps", "dqs", "!db", "!dd", "!dq", "s", "f", "?", ".echo", ".help", "help",
                        "bp", "bl", "bc", "bd", "be");
    }

    @Test
    void breakpointIdsStayAndAHitNamesItsId() throws Exception {
        SimulatedKernel reference = new SimulatedKernel(KernelConfig.defaults().withCpus(1));
        long from = reference.symbols().codeStart();
        long traced = instructionsAhead(reference, from, 1);
        long[] at = {instructionsAhead(reference, traced, 3), instructionsAhead(reference, traced, 6),
            instructionsAhead(reference, traced, 9), instructionsAhead(reference, traced, 12)};
        long nt = reference.symbols().kernBase();

        InProcessHost run = listen(String.format("t; r rip=%x; t; bp %x; bp %x; bp %x; bc 1; .echo after bc;"
                + " bl; bp %x; .echo after bp; bl; bd 0; .echo after bd; bl; g; be 0; .echo after be; bl; bd 2; be 2;"
                + " .echo again at 2; g; q", from,
                at[0], at[1], at[2], at[3]));

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        String out = run.out();
        String afterBc = section(out, "after bc");
        assertThat(afterBc).as(run.transcript()).contains(blLine(0, "e", at[0], nt), blLine(2, "e", at[2], nt))
                .doesNotContain(address(at[1]));
        assertThat(section(out, "after bp")).as("the lowest free id").contains(blLine(1, "e", at[3], nt));
        assertThat(section(out, "after bd")).contains(blLine(0, "d", at[0], nt), blLine(2, "e", at[2], nt));
        assertThat(out).as("breakpoint 0 is disabled, 1 was cleared: 2 is the first hit")
                .contains("Breakpoint 2 hit\n" + address(at[2]) + " ");
        assertThat(rip).as("the last g stopped at breakpoint 1").isEqualTo(at[3]);
        assertThat(section(out, "again at 2")).as("enabled at the PC, it is stepped over, not hit again")
                .contains("Breakpoint 1 hit\n" + address(at[3]) + " ").doesNotContain("Breakpoint 2 hit");
        assertThat(section(out, "after be")).as("bl lists by id").contains(blLine(0, "e", at[0], nt) + "\n"
                + blLine(1, "e", at[3], nt) + "\n" + blLine(2, "e", at[2], nt) + "\n");
    }

    private static String blLine(int id, String state, long address, long nt) {
        return String.format("%2d %s %s Clear  %s     0001 (0001) nt+0x%x", id, state,
                state.equals("e") ? "Disable" : "Enable ", address(address), address - nt);
    }

    /** The output after the line {@code marker} up to the next {@code after ...} marker line. */
    private static String section(String out, String marker) {
        int start = out.indexOf("\n" + marker + "\n");
        assertThat(start).as("marker %s in %s", marker, out).isNotNegative();
        String rest = out.substring(start + marker.length() + 2);
        int end = rest.indexOf("\nafter ");
        return end < 0 ? rest : rest.substring(0, end);
    }

    private static long instructionsAhead(SimulatedKernel kernel, long pc, int count) {
        long address = pc;
        for (int i = 0; i < count; i++) {
            address += SyntheticInstruction.decode(kernel.memory().read(address, 16)).orElseThrow().length();
        }
        return address;
    }

    @Test
    void whatCannotBeDoneIsOneLineSayingWhatWouldBeRight(@TempDir Path dir) throws Exception {
        InProcessHost run = listen("db nt L?100000000; db nt L?100000010; db nt L?80000000; bc abc; ~1s; ~1;"
                + " bp nt!KeBugCheckEx; .writemem " + dir + "/no/such/dir/x.bin nt L10; eb rsp-3000 100; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isEqualTo(1);
        List<String> errors = run.out().lines().filter(l -> l.startsWith("error: ")).toList();
        assertThat(errors).as(run.transcript()).containsExactly(
                "error: db takes at most 0x1000000 bytes (16 MiB), not 0x100000000 bytes: write more to a file with"
                        + " .writemem FILE ADDR L?SIZE",
                "error: db takes at most 0x1000000 bytes (16 MiB), not 0x100000010 bytes: write more to a file with"
                        + " .writemem FILE ADDR L?SIZE",
                "error: db takes at most 0x1000000 bytes (16 MiB), not 0x80000000 bytes: write more to a file with"
                        + " .writemem FILE ADDR L?SIZE",
                "error: \"abc\" is not a breakpoint id: give ids from bl: 1, 1 3, 1,3, 1-3 or *",
                "error: no CPU 1: the target has 1 CPU (0)",
                "error: no CPU 1: the target has 1 CPU (0)",
                "error: symbols are not supported yet (\"nt!KeBugCheckEx\"): use nt+OFFSET or an address, e.g."
                        + " nt+1010 or fffff804`7a001010",
                "error: cannot write " + dir + "/no/such/dir/x.bin: the directory " + dir + "/no/such/dir does not"
                        + " exist (create it, or name a file in an existing directory)",
                "error: \"100\" does not fit in 1 byte: bytes are 00-ff");
        assertThat(run.out()).doesNotContain("For input string").doesNotContain("-2147483648");
    }

    @Test
    void writememTakesLengthsAbove32BitsAndWritesUpToWhereMemoryEnds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nt.bin");

        InProcessHost run = listen(".writemem " + file + " nt L?100000000; q");

        assertThat(run.exitCode(RUN)).as("memory ends before 4 GiB: " + run.transcript()).isEqualTo(1);
        SimulatedKernel kernel = target.kernel();
        long nt = kernel.symbols().kernBase();
        byte[] written = Files.readAllBytes(file);
        assertThat(written.length).as("at least the kernel image").isGreaterThanOrEqualTo(kernel.symbols().kernSize());
        assertThat(written).isEqualTo(kernel.memory().read(nt, written.length));
        assertThat(run.out()).as(run.transcript())
                .contains(String.format("Writing %#x bytes to %s: ", written.length, file))
                .contains(String.format("error: memory ends at %s (status c0000001); wrote the %#x bytes before it",
                        address(nt + written.length), written.length));
    }

    /** Display text of bytes, written out here independently of the host's formatter. */
    private record ByteLines(byte[] bytes) {
        String bytes(int offset) {
            String hex = HexFormat.ofDelimiter(" ").formatHex(bytes, offset, offset + 16);
            return hex.substring(0, 23) + "-" + hex.substring(24);
        }

        String dwords(int offset) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 16; i += 4) {
                values.add(String.format("%08x", WireBytes.wrap(bytes).getInt(offset + i)));
            }
            return String.join(" ", values);
        }
    }
}
