package dev.kdnet.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** KUSER_SHARED_DATA at its fixed address identifies the build, and the XState area WinDbg reads is there. */
class KuserSharedDataTest {
    private static final long KUSER = 0xFFFF_F780_0000_0000L;

    @Test
    void identifiesTheBuildAndTheMachine() {
        KernelImage image = KernelImage.build(WindowsBuild.BUILD_22621, 1);
        KernelReader read = new KernelReader(image.virtual());
        assertThat(image.symbols().kuserSharedData()).isEqualTo(KUSER);
        assertThat(read.u32(KUSER + 0x260)).as("NtBuildNumber").isEqualTo(22621);
        assertThat(read.u32(KUSER + 0x264)).as("NtProductType").isEqualTo(1);
        assertThat(read.u32(KUSER + 0x26C)).as("NtMajorVersion").isEqualTo(10);
        assertThat(read.u32(KUSER + 0x270)).as("NtMinorVersion").isZero();
        assertThat(read.u8(KUSER + 0x2D4)).as("KdDebuggerEnabled").isEqualTo(3);
        assertThat(read.u32(KUSER + 0x2E8)).as("NumberOfPhysicalPages")
                .isEqualTo(KernelImage.RAM_SIZE / PhysicalMemory.PAGE_SIZE);
        assertThat(read.u16(KUSER + 0x26A)).as("NativeProcessorArchitecture AMD64").isEqualTo(9);
        assertThat(read.bytes(KUSER + 0x30, 22)).as("NtSystemRoot")
                .isEqualTo("C:\\Windows\0".getBytes(StandardCharsets.UTF_16LE));
        assertThat(read.bytes(KUSER + 0x3D8, 0x330)).as("WinDbg's XState read: no extended state").containsOnly(0);
    }
}
