package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.SimulatedKernel;
import dev.kdnet.sim.kernel.SyntheticInstruction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kdnet host listen} run in-process with {@code -c} and {@code --script} against a simulated target on
 * 127.0.0.2: every command's output is checked against the simulated kernel's own state.
 */
class HostCommandLineIT {
    private static final String KEY = "1.2.3.4";
    private static final Duration RUN = Duration.ofSeconds(40);
    private static final Pattern REGISTER = Pattern.compile("\\b([a-z0-9]+)=([0-9a-f]{4,16})\\b");

    private int port;
    private LoopbackTarget target;
    private volatile X64Context lastPrinted;

    @BeforeEach
    void startTarget() throws Exception {
        port = LoopbackTarget.freePort();
        target = new LoopbackTarget(DebuggerAttachIT.KEY, port, 2, KernelConfig.defaults());
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    /** Runs {@code listen} on 127.0.0.1 with {@code args} after the connection options; returns it when it ended. */
    private InProcessHost listen(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("listen", "--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--key", KEY));
        all.addAll(List.of(args));
        return finished(InProcessHost.start(this::rememberRegisters, all.toArray(String[]::new)));
    }

    private static InProcessHost finished(InProcessHost host) throws Exception {
        host.exitCode(RUN);
        return host;
    }

    /** Runs on the host's thread at each line it prints, while the kernel is still stopped. */
    private void rememberRegisters() {
        SimulatedKernel kernel = target.kernel();
        if (kernel != null) {
            lastPrinted = kernel.context(0);
        }
    }

    private static String address(long value) {
        return String.format("%08x`%08x", value >>> 32, value & 0xFFFF_FFFFL);
    }

    @Test
    void inspectionCommandsShowTheKernelsState() throws Exception {
        InProcessHost run = listen("-c", "vertarget; r; db nt L80; lm; ~0; .kdstats; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        SimulatedKernel kernel = target.kernel();
        long kernBase = kernel.version().kernBase();
        assertThat(run.out()).as(run.transcript()).doesNotContain("error:")
                .contains("Windows 10 Kernel Version 19041")
                .contains("Kernel base = 0x" + address(kernBase))
                .containsPattern("UDP port " + port + ": [1-9]\\d* datagrams in, [1-9]\\d* out, 1 handshakes")
                .containsPattern("RTT: [1-9]\\d* samples, smoothed \\d+\\.\\d{3} ms");

        Map<X64Register, Long> shown = registersIn(run.out());
        assertThat(shown).as("r shows the general, segment and flags registers").hasSize(24);
        shown.forEach((register, value) -> assertThat(value).as("%s", register)
                .isEqualTo(lastPrinted.get(register)));

        assertThat(bytesShownFrom(run.out(), kernBase, 16)).as(run.transcript())
                .isEqualTo(kernel.memory().read(kernBase, 0x80)).startsWith('M', 'Z');
        assertThat(run.out().lines()).anyMatch(l -> l.startsWith(address(kernBase) + " ") && l.contains(" nt "))
                .anyMatch(l -> l.contains(" hal ") && l.contains("hal.dll"));
        assertThat(run.out().lines().filter(l -> l.startsWith("rip="))).as("r and ~0 show the registers")
                .hasSize(2);
    }

    @Test
    void registerAndMemoryEditsReachTheKernel() throws Exception {
        InProcessHost run = listen("-c", "r rax=1234; r rax; eb rsp-2000 11 22 33 44; db rsp-2000 L4;"
                + " ed rsp-1ff0 deadbeef cafef00d; dd rsp-1ff0 L2; eq rsp-1fe0 0123456789abcdef; dq rsp-1fe0 L1; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        assertThat(run.out()).as(run.transcript()).contains("rax=0000000000001234");
        assertThat(lastPrinted.get(X64Register.RAX)).isEqualTo(0x1234);
        long scratch = lastPrinted.get(X64Register.RSP) - 0x2000;
        byte[] memory = target.kernel().memory().read(scratch, 0x28);
        assertThat(WireBytes.wrap(memory).getInt(0)).isEqualTo(0x44332211);
        assertThat(WireBytes.wrap(memory).getInt(0x10)).isEqualTo(0xDEADBEEF);
        assertThat(WireBytes.wrap(memory).getInt(0x14)).isEqualTo(0xCAFEF00D);
        assertThat(WireBytes.wrap(memory).getLong(0x20)).isEqualTo(0x0123_4567_89AB_CDEFL);
        assertThat(run.out()).contains(address(scratch) + "  11 22 33 44 ")
                .contains(address(scratch + 0x10) + "  deadbeef cafef00d")
                .contains(address(scratch + 0x20) + "  01234567`89abcdef");
    }

    @Test
    void traceBreakpointAndGoFollowTheInstructionStream() throws Exception {
        SimulatedKernel reference = new SimulatedKernel(KernelConfig.defaults());
        long from = reference.symbols().codeStart();
        long traced = instructionsAhead(reference, from, 1);
        long breakAt = instructionsAhead(reference, traced, 5);

        InProcessHost run = listen("-c", String.format("t; r rip=%x; t; bp %x; bl; g; bc *; bl; q", from, breakAt));

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        assertThat(target.kernel().memory().read(from, 0x100)).as("the same instruction stream")
                .isEqualTo(reference.memory().read(from, 0x100));
        assertThat(run.out()).as(run.transcript())
                .contains(String.format("rip=%016x", traced)).contains("\n" + address(traced) + " ")
                .contains("Breakpoint 0 hit\n" + address(breakAt) + " ");
        assertThat(run.out().lines().filter(l -> l.startsWith(" 0 e Disable Clear  " + address(breakAt))))
                .as("bl, then bc * and bl").hasSize(1);
        assertThat(lastPrinted.get(X64Register.RIP)).isEqualTo(breakAt);
    }

    private static long instructionsAhead(SimulatedKernel kernel, long pc, int count) {
        long address = pc;
        for (int i = 0; i < count; i++) {
            address += SyntheticInstruction.decode(kernel.memory().read(address, 16)).orElseThrow().length();
        }
        return address;
    }

    @Test
    void rebootEndsInANewAttach() throws Exception {
        InProcessHost run = listen("-c", ".reboot; vertarget; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        String out = run.out();
        int shutdown = out.indexOf("Shutdown occurred");
        assertThat(shutdown).as(run.transcript()).isPositive();
        assertThat(out.substring(shutdown)).contains("Break instruction exception - code 80000003")
                .contains("Kernel base = 0x" + address(target.kernel().version().kernBase()));
        assertThat(target.agent().stats().boots()).isEqualTo(2);
    }

    @Test
    void writememAndDumpphysWriteTheKernelsBytes(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("nt.bin");
        Path physical = dir.resolve("phys.bin");

        InProcessHost run = listen("-c", ".writemem " + image + " nt L?1000; .dumpphys " + physical
                + " 0 L?100000; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        SimulatedKernel kernel = target.kernel();
        assertThat(Files.readAllBytes(image)).isEqualTo(kernel.memory().read(kernel.version().kernBase(), 0x1000));
        assertThat(Files.readAllBytes(physical)).hasSize(0x10_0000).isEqualTo(kernel.physical().read(0, 0x10_0000));
        assertThat(run.out()).as(run.transcript())
                .containsPattern("Writing 0x100000 bytes to " + Pattern.quote(physical.toString())
                        + ": \\d+\\.\\d\\d MB/s");
    }

    @Test
    void windbgConnectionStringAndScriptFile(@TempDir Path dir) throws Exception {
        Path script = Files.write(dir.resolve("commands.txt"), List.of("vertarget", "lm", "q"));

        InProcessHost run = finished(InProcessHost.start(() -> { }, "listen", "--bind", "127.0.0.1", "-k",
                "net:port=" + port + ",key=" + KEY, "--script", script.toString()));

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        assertThat(run.out()).as(run.transcript()).contains("kd> vertarget", "Windows 10 Kernel Version 19041",
                "kd> lm", "hal.dll", "kd> q");
    }

    @Test
    void aFailingCommandIsAnErrorLineAndExitCode1() throws Exception {
        InProcessHost run = listen("-c", "db 0 L10; frobnicate; lm; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isEqualTo(1);
        assertThat(run.out().lines().filter(l -> l.startsWith("error: "))).as(run.transcript()).hasSize(2)
                .anyMatch(l -> l.contains("00000000`00000000"))
                .anyMatch(l -> l.equals("error: unknown command \"frobnicate\" (? lists the commands)"));
        assertThat(run.out()).as("the commands after a failure still run").contains("hal.dll");
    }

    @Test
    void aWrongKeyIsDiagnosedWithinTenSeconds() throws Exception {
        long started = System.nanoTime();
        InProcessHost run = InProcessHost.start(() -> { }, "listen", "--bind", "127.0.0.1", "--port",
                String.valueOf(port), "--key", "9.9.9.9", "-c", "vertarget", "--wait", "12");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(run.err())
                .contains("HMAC failed").contains("the key does not match"));
        assertThat(run.exitCode(Duration.ofSeconds(15))).as(run.transcript()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(run.err()).contains("no target attached within 12 s");
        assertThat(run.out()).isEmpty();
    }

    /** The registers {@code r} printed, by name ({@code efl} is EFLAGS). */
    private static Map<X64Register, Long> registersIn(String out) {
        Map<X64Register, Long> shown = new TreeMap<>();
        Matcher m = REGISTER.matcher(out);
        while (m.find()) {
            String name = m.group(1).equals("efl") ? "eflags" : m.group(1);
            X64Register.byName(name).ifPresent(r -> shown.put(r, Long.parseUnsignedLong(m.group(2), 16)));
        }
        return shown;
    }

    /** The bytes {@code db} showed in {@code lines} lines from {@code address} on. */
    private static byte[] bytesShownFrom(String out, long address, int lines) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            String start = address(address + 16L * i) + "  ";
            String line = out.lines().filter(l -> l.startsWith(start)).findFirst().orElse(start);
            hex.append(line.substring(start.length(), Math.min(line.length(), start.length() + 47))
                    .replace('-', ' ').replace(" ", ""));
        }
        return HexFormat.of().parseHex(hex);
    }
}
