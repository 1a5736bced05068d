package dev.kdnet.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each CPU's KPCR, KPRCB, idle thread and stack, KiProcessorBlock, and the idle and System processes they point
 * at, as the control-space selectors and a debugger's process commands find them.
 */
class ProcessorBlocksTest {
    private static final int CPUS = 4;
    private static KernelImage image;
    private static KernelReader read;

    @BeforeAll
    static void buildKernel() {
        image = KernelImage.build(WindowsBuild.DEFAULT, CPUS);
        read = new KernelReader(image.virtual());
    }

    @Test
    void eachKpcrPointsAtItselfAndItsPrcbAndThread() {
        List<CpuSymbols> cpus = image.symbols().cpus();
        assertThat(cpus).hasSize(CPUS);
        for (int number = 0; number < CPUS; number++) {
            CpuSymbols cpu = cpus.get(number);
            assertThat(cpu.kpcr() % 4096).isZero();
            assertThat(read.u64(cpu.kpcr() + 0x18)).as("KPCR.Self").isEqualTo(cpu.kpcr());
            assertThat(cpu.kprcb()).isEqualTo(cpu.kpcr() + 0x180);
            assertThat(read.u64(cpu.kpcr() + 0x20)).as("KPCR.CurrentPrcb").isEqualTo(cpu.kprcb());
            assertThat(read.u64(cpu.kprcb() + 8)).as("KPRCB.CurrentThread").isEqualTo(cpu.kthread());
            assertThat(read.u32(cpu.kprcb() + 0x24)).as("KPRCB.Number").isEqualTo(number);
            assertThat(read.u64(image.symbols().kiProcessorBlock() + 8L * number)).isEqualTo(cpu.kprcb());
            assertThat(cpu.processorState()).isEqualTo(cpu.kprcb() + 0x40);
            assertThat(read.bytes(cpu.processorState(), 0xE0 + 0x4D0)).as("KSPECIAL_REGISTERS and CONTEXT")
                    .containsOnly(0);
            assertThat((cpu.processorState() + 0xE0) % 16).as("CONTEXT is 16-byte aligned").isZero();
            assertThat(image.virtual().read(cpu.kpcr(), 0x5F00)).as("SizePcr bytes").hasSize(0x5F00);
        }
        assertThat(read.u64(image.symbols().kiProcessorBlock() + 8L * CPUS)).as("no CPU after the last").isZero();
    }

    @Test
    void eachCpuHasItsOwnStackWithAGuardPageBelow() {
        for (CpuSymbols cpu : image.symbols().cpus()) {
            long limit = cpu.stackTop() - 24 * 1024;
            assertThat(image.virtual().read(limit, 24 * 1024)).hasSize(24 * 1024);
            assertThat(image.virtual().translate(limit - 1)).isEqualTo(-1);
            assertThat(read.u64(cpu.kthread() + 0x30)).as("KTHREAD.StackLimit").isEqualTo(limit);
            assertThat(read.u64(cpu.kthread() + 0x38)).as("KTHREAD.StackBase").isEqualTo(cpu.stackTop());
            assertThat(read.u64(cpu.kprcb() + 0x28)).as("KPRCB.RspBase").isEqualTo(cpu.stackTop());
        }
    }

    @Test
    void idleThreadsRunInTheIdleProcess() {
        long idle = read.u64(image.symbols().cpus().get(0).kthread() + 0x220);
        assertThat(read.asciiZ(idle + 0x5A8)).isEqualTo("Idle");
        assertThat(read.u64(idle + 0x28)).as("DirectoryTableBase").isEqualTo(image.virtual().cr3());
        long entry = read.u64(idle + 0x30);
        for (CpuSymbols cpu : image.symbols().cpus()) {
            assertThat(read.u8(cpu.kthread())).as("ThreadObject").isEqualTo(6);
            assertThat(read.u8(cpu.kthread() + 0x184)).as("Running").isEqualTo(2);
            assertThat(read.u64(cpu.kthread() + 0x220)).as("KTHREAD.Process").isEqualTo(idle);
            assertThat(entry).as("ThreadListHead links the idle threads in order").isEqualTo(cpu.kthread() + 0x2F8);
            entry = read.u64(entry);
        }
        assertThat(entry).isEqualTo(idle + 0x30);
    }

    @Test
    void theActiveProcessListHoldsSystem() {
        long head = read.u64(image.symbols().kdDebuggerDataBlock() + 0x50);
        long links = read.u64(head);
        assertThat(read.u64(links)).as("one entry").isEqualTo(head);
        long system = links - 0x448;
        assertThat(read.u64(system + 0x440)).as("UniqueProcessId").isEqualTo(4);
        assertThat(read.asciiZ(system + 0x5A8)).isEqualTo("System");
        assertThat(read.u8(system)).as("ProcessObject").isEqualTo(3);
    }
}
