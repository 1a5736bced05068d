package dev.kdnet.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GDT and IDT decode as the CPU reads them: the selectors of kd-protocol §3.11 with their types, privilege
 * levels and long-mode bits, the TSS behind 0x40, and 256 interrupt gates into ntoskrnl's .text.
 */
class DescriptorTablesTest {
    private static KernelImage image;
    private static KernelReader read;
    private static long gdt;

    @BeforeAll
    static void buildKernel() {
        image = KernelImage.build(WindowsBuild.DEFAULT, 2);
        read = new KernelReader(image.virtual());
        gdt = image.symbols().gdtBase();
    }

    @Test
    void selector10IsSixtyFourBitKernelCode() {
        Descriptor code = descriptor(0x10);
        assertThat(code.present()).isTrue();
        assertThat(code.codeOrData()).isTrue();
        assertThat(code.executable()).isTrue();
        assertThat(code.dpl()).isZero();
        assertThat(code.longMode()).isTrue();
        assertThat(code.defaultSize32()).as("D must be clear when L is set").isFalse();
        assertThat(image.virtual().read(gdt + 0x10, 128)).as("WinDbg's read at Gdtr.Base+0x10").hasSize(128);
        assertThat(image.symbols().gdtLimit()).isEqualTo(0x6F);
    }

    @Test
    void otherSelectorsHaveTheirWindowsRoles() {
        assertThat(descriptor(0x18)).extracting(Descriptor::executable, Descriptor::dpl).containsExactly(false, 0);
        assertThat(descriptor(0x20)).extracting(Descriptor::executable, Descriptor::dpl, Descriptor::longMode,
                Descriptor::defaultSize32).containsExactly(true, 3, false, true);
        assertThat(descriptor(0x28)).extracting(Descriptor::executable, Descriptor::dpl).containsExactly(false, 3);
        assertThat(descriptor(0x30)).extracting(Descriptor::executable, Descriptor::dpl, Descriptor::longMode)
                .containsExactly(true, 3, true);
        assertThat(descriptor(0x50)).extracting(Descriptor::present, Descriptor::executable, Descriptor::dpl)
                .containsExactly(true, false, 3);
        assertThat(descriptor(0x00).present()).isFalse();
    }

    @Test
    void selector40IsTheBusyTssWithTheFirstKernelStack() {
        Descriptor tss = descriptor(0x40);
        assertThat(tss.present()).isTrue();
        assertThat(tss.codeOrData()).as("a system descriptor").isFalse();
        assertThat(tss.type()).as("busy 64-bit TSS").isEqualTo(0xB);
        assertThat(tss.limit()).isEqualTo(0x67);
        long base = tss.base() | (long) read.u32(gdt + 0x48) << 32;
        assertThat(read.u64(base + 4)).as("Rsp0").isEqualTo(image.symbols().cpus().get(0).stackTop());
        assertThat(read.u64(image.symbols().cpus().get(1).kpcr() + 8)).as("KPCR.TssBase").isEqualTo(base);
    }

    @Test
    void everyIdtGateIsAPresentInterruptGateIntoText() {
        long idt = image.symbols().idtBase();
        long text = image.symbols().kernBase() + 0x1000;
        assertThat(image.symbols().idtLimit()).isEqualTo(0xFFF);
        for (int vector = 0; vector < 256; vector++) {
            long gate = idt + 16L * vector;
            long handler = read.u16(gate) | (long) read.u16(gate + 6) << 16 | (long) read.u32(gate + 8) << 32;
            int attributes = read.u8(gate + 5);
            assertThat(read.u16(gate + 2)).as("selector of %d", vector).isEqualTo(0x10);
            assertThat(attributes & 0x80).as("present").isEqualTo(0x80);
            assertThat(attributes & 0x0F).as("interrupt gate").isEqualTo(0xE);
            assertThat(handler).as("handler of %d", vector).isBetween(text, text + NtoskrnlText.SIZE - 1);
            assertThat(read.u8(handler + 2)).as("push imm32 of the vector").isEqualTo(0x68);
            assertThat(read.u32(handler + 3)).isEqualTo(vector);
            long jumpTarget = handler + 12 + read.u32(handler + 8);
            assertThat(read.bytes(jumpTarget, 6)).as("KiUnexpectedInterrupt: add rsp,10h; iretq")
                    .containsExactly(0x48, 0x83, 0xC4, 0x10, 0x48, 0xCF);
        }
        assertThat(read.u8(idt + 16 * 3 + 5) >> 5 & 3).as("int3 is callable from user mode").isEqualTo(3);
        assertThat(read.u8(idt + 16 * 14 + 5) >> 5 & 3).as("#PF is not").isZero();
        assertThat(read.u64(image.symbols().cpus().get(0).kpcr() + 0x38)).as("KPCR.IdtBase").isEqualTo(idt);
        assertThat(read.u64(image.symbols().cpus().get(0).kpcr())).as("KPCR.GdtBase").isEqualTo(gdt);
    }

    private static Descriptor descriptor(int selector) {
        return new Descriptor(read.u64(gdt + selector));
    }

    /** An 8-byte segment descriptor, decoded field by field. */
    private record Descriptor(long raw) {
        boolean present() {
            return (raw >>> 47 & 1) == 1;
        }

        int dpl() {
            return (int) (raw >>> 45 & 3);
        }

        boolean codeOrData() {
            return (raw >>> 44 & 1) == 1;
        }

        int type() {
            return (int) (raw >>> 40 & 0xF);
        }

        boolean executable() {
            return codeOrData() && (type() & 0x8) != 0;
        }

        boolean longMode() {
            return (raw >>> 53 & 1) == 1;
        }

        boolean defaultSize32() {
            return (raw >>> 54 & 1) == 1;
        }

        int limit() {
            return (int) (raw & 0xFFFF | (raw >>> 48 & 0xF) << 16);
        }

        long base() {
            return raw >>> 16 & 0xFF_FFFFL | (raw >>> 56 & 0xFF) << 24;
        }
    }
}
