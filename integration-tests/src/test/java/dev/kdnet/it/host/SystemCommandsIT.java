package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.sim.kernel.CpuSymbols;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.SimulatedKernel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shell's commands on the processor and the machine, through {@code ./kdnet host listen -c} against a simulated
 * two-CPU target on 127.0.0.2: I/O ports, MSRs, {@code !pcr}, {@code !vtop}, {@code !pte}, {@code t}/{@code p},
 * {@code ~Ns}, {@code r}'s flags line, {@code .detach}/{@code qd}; each output is checked against the simulated
 * kernel's own state.
 */
class SystemCommandsIT {
    private static final String KEY = "1.2.3.4";
    private static final Duration RUN = Duration.ofSeconds(40);
    private static final Pattern PTE_AT = Pattern.compile("(PXE|PPE|PDE|PTE) at ([0-9A-F]{16})");
    private static final Pattern CONTAINS = Pattern.compile("contains ([0-9A-F]{16})");
    private static final Pattern FLAGS_LINE = Pattern.compile(
            "iopl=\\d {9}(nv|ov) (up|dn) (ei|di) (pl|ng) (nz|zr) (na|ac) (po|pe) (nc|cy)");

    private int port;
    private LoopbackTarget target;
    private volatile X64Context cpu1WhileStopped;

    @BeforeEach
    void startTarget() throws Exception {
        port = LoopbackTarget.freePort();
        target = new LoopbackTarget(DebuggerAttachIT.KEY, port, 2, KernelConfig.defaults().withCpus(2));
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    private InProcessHost listen(String commands) throws Exception {
        return listen(() -> { }, commands);
    }

    /** {@code listen}, remembering CPU 1's registers at every line printed, while the host has the target stopped. */
    private InProcessHost listenWatching(String commands) throws Exception {
        return listen(() -> {
            SimulatedKernel kernel = target.kernel();
            if (kernel != null) {
                cpu1WhileStopped = kernel.context(1);
            }
        }, commands);
    }

    private InProcessHost listen(Runnable afterOutput, String commands) throws Exception {
        InProcessHost host = InProcessHost.start(afterOutput, "listen", "--bind", "127.0.0.1", "--port",
                String.valueOf(port), "--key", KEY, "-c", commands);
        host.exitCode(RUN);
        return host;
    }

    private static String address(long value) {
        return String.format("%08x`%08x", value >>> 32, value & 0xFFFF_FFFFL);
    }

    @Test
    void ioPortsAndMsrsReachTheKernel() throws Exception {
        InProcessHost run = listen("ob 80 5a; ib 80; ow 3f8 1234; iw 3f8; od cf8 80000010; id cf8; ib 71;"
                + " rdmsr c0000082; wrmsr c0000084 4700; rdmsr c0000084; rdmsr c0000080; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        SimulatedKernel kernel = target.kernel();
        assertThat(kernel.readIoPort(0x80, 1)).isEqualTo(0x5A);
        assertThat(kernel.readIoPort(0x3F8, 2)).isEqualTo(0x1234);
        assertThat(kernel.readIoPort(0xCF8, 4)).isEqualTo(0x8000_0010);
        assertThat(kernel.readMsr(0, 0xC0000084)).hasValue(0x4700);
        assertThat(run.out().lines()).as(run.transcript())
                .contains("00000080: 5a", "000003f8: 1234", "00000cf8: 80000010", "00000071: ff",
                        "msr[c0000082] = " + address(kernel.readMsr(0, 0xC0000082).getAsLong()),
                        "msr[c0000084] = 00000000`00004700", "msr[c0000080] = 00000000`00000d01");
    }

    @Test
    void badValuesAreOneLineEach() throws Exception {
        InProcessHost run = listen("rdmsr 1234; ob 80 1ff; ~5s; ~xs; !vtop 0000800000000000; !pcr 2; ib; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isEqualTo(1);
        assertThat(run.out().lines().filter(l -> l.startsWith("error: "))).as(run.transcript()).containsExactly(
                "error: CPU 0 has no MSR 1234 (the target answered STATUS_NO_SUCH_DEVICE)",
                "error: 1ff does not fit in 8 bits: ob writes values up to ff",
                "error: no CPU 5: the target has 2 CPUs (0-1)",
                "error: ~ takes a CPU number and s: ~1s makes CPU 1 the current one",
                "error: 00008000`00000000 is not a canonical x64 address (bits 63-47 must be all 0 or all 1)",
                "error: no CPU 2: the target has 2 CPUs (0-1)",
                "error: usage: ib PORT, e.g. ib 3f8");
        assertThat(run.out()).doesNotContain("Exception", "For input string");
    }

    @Test
    void pcrShowsEachProcessorsControlRegion() throws Exception {
        InProcessHost run = listen("!pcr; !pcr 1; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        for (int cpu = 0; cpu < 2; cpu++) {
            CpuSymbols symbols = target.kernel().cpuSymbols(cpu);
            String shown = run.out().substring(run.out().indexOf(String.format("KPCR for Processor %d at %016x:",
                    cpu, symbols.kpcr())));
            assertThat(shown).as(run.transcript()).contains("Major 1 Minor 1")
                    .containsPattern("SelfPcr: " + String.format("%016x", symbols.kpcr()))
                    .containsPattern("Prcb: " + String.format("%016x", symbols.kprcb()))
                    .containsPattern("CurrentThread: " + String.format("%016x", symbols.kthread()))
                    .containsPattern("IdleThread: " + String.format("%016x", symbols.kthread()));
        }
    }

    @Test
    void vtopAndPteWalkTheKernelsPageTables() throws Exception {
        InProcessHost run = listen("!vtop 0 nt+1234; !pte nt+1234; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        SimulatedKernel kernel = target.kernel();
        long virtual = kernel.version().kernBase() + 0x1234;
        long physical = kernel.memory().translate(virtual);
        assertThat(physical).isPositive();
        assertThat(run.out()).as(run.transcript()).contains(String.format(
                "Virtual address %x translates to physical address %x.", virtual, physical))
                .contains(String.format("Amd64VtoP: Virt %016x, pagedir %016x", virtual,
                        kernel.memory().cr3() & ~0xFFFL))
                .contains("VA " + Long.toHexString(virtual));

        List<Long> at = hexGroups(PTE_AT, run.out(), 2);
        List<Long> contains = hexGroups(CONTAINS, run.out(), 1);
        assertThat(at).as("one entry a level, down to the one that maps the page").hasSizeBetween(2, 4)
                .hasSameSizeAs(contains);
        for (int i = 0; i < at.size(); i++) {
            assertThat(WireBytes.wrap(kernel.memory().read(at.get(i), 8)).getLong(0))
                    .as("the entry at %x, read through the kernel's self-map", at.get(i)).isEqualTo(contains.get(i));
        }
        assertThat(run.out()).containsPattern("pfn " + Long.toHexString(physical >>> 12) + "\\b");
    }

    @Test
    void stepsAndCpuSwitchesShowRegistersAndTheNextInstruction() throws Exception {
        InProcessHost run = listenWatching("t; p; ~1s; ~0s; r; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        String out = run.out();
        assertThat(out).as(run.transcript()).doesNotContain("Single step exception", "error:");
        List<Long> rips = hexGroups(Pattern.compile("rip=([0-9a-f]{16})"), out, 1);
        assertThat(rips).as("t, p, ~1s, ~0s and r each show the registers").hasSize(5);
        assertThat(rips.get(2)).as("~1s shows CPU 1").isEqualTo(cpu1WhileStopped.get(X64Register.RIP));
        assertThat(rips.get(3)).as("~0s is back on CPU 0, after its two steps").isEqualTo(rips.get(1))
                .isEqualTo(rips.get(4));
        assertThat(rips.get(0)).isNotEqualTo(rips.get(1));
        assertThat(out.lines().filter(l -> FLAGS_LINE.matcher(l).matches())).hasSize(5);
        for (long rip : rips) {
            assertThat(out).contains(System.lineSeparator() + address(rip) + " ");
        }
    }

    @Test
    void aBreakpointAtThePcIsWrittenOnceTheInstructionRan() throws Exception {
        InProcessHost run = listen("t; bp @rip; g; r rax; r rip; bc *; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        List<Long> rips = hexGroups(Pattern.compile("rip=([0-9a-f]{16})"), run.out(), 1);
        assertThat(rips).as(run.transcript()).hasSize(2);
        assertThat(run.out()).as("either CPU meets it: both run the loop").as(run.transcript())
                .contains("Breakpoint 0 hit" + System.lineSeparator() + address(rips.get(0)) + " ");
        assertThat(rips.get(1)).isEqualTo(rips.get(0));
        List<Long> rax = hexGroups(Pattern.compile("rax=([0-9a-f]{16})"), run.out(), 1);
        assertThat(rax).hasSize(2);
        assertThat(rax.get(1)).as("the CPU ran a pass of its loop before the breakpoint stopped it, not nothing")
                .isNotEqualTo(rax.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {".detach", "qd"})
    void detachAndQdLetTheTargetRunAndEndTheSession(String detach) throws Exception {
        long returnInstruction = 0x1011;
        SimulatedKernel reference = new SimulatedKernel(KernelConfig.defaults().withCpus(2));
        byte original = reference.memory().read(reference.version().kernBase() + returnInstruction, 1)[0];

        InProcessHost run = listen("bp nt+" + Long.toHexString(returnInstruction) + "; " + detach + "; vertarget");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        assertThat(run.out()).as(run.transcript()).contains("Detached: breakpoints removed, the target runs")
                .doesNotContain("Kernel Version");
        SimulatedKernel kernel = target.kernel();
        assertThat(kernel.isRunning()).isTrue();
        assertThat(original).isNotEqualTo((byte) 0xCC);
        assertThat(kernel.memory().read(kernel.version().kernBase() + returnInstruction, 1)[0])
                .as("the breakpoint is gone").isEqualTo(original);
    }

    private static List<Long> hexGroups(Pattern pattern, String text, int group) {
        List<Long> values = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            values.add(Long.parseUnsignedLong(m.group(group), 16));
        }
        return values;
    }
}
