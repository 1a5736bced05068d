package dev.kdnet.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.dbgkd.GetVersion64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each release reports a GetVersion block and an NtBuildLab that agree with its build number (kd-protocol §3.3). */
class WindowsBuildTest {
    @ParameterizedTest
    @EnumSource(WindowsBuild.class)
    void versionBlockCarriesTheBuildAndTheWindows10Constants(WindowsBuild build) {
        GetVersion64 version = build.version(0xFFFF_F804_7A00_0000L, 0xFFFF_F804_7A01_5000L, 0xFFFF_F804_7A01_6000L);
        assertThat(version.majorVersion()).isEqualTo(0x000F);
        assertThat(version.minorVersion()).isEqualTo(build.buildNumber());
        assertThat(version.protocolVersion()).isEqualTo(6);
        assertThat(version.kdSecondaryVersion()).isEqualTo(2);
        assertThat(version.flags()).isEqualTo(build.buildNumber() >= 19041 ? 0x47 : 0x07);
        assertThat(version.machineType()).isEqualTo(0x8664);
        assertThat(version.maxPacketType()).isEqualTo(0x0C);
        assertThat(version.maxStateChange()).isEqualTo(3);
        assertThat(version.maxManipulate()).isEqualTo(0x33);
        assertThat(version.simulation()).isZero();
        assertThat(version.kernBase()).isEqualTo(0xFFFF_F804_7A00_0000L);
        assertThat(version.psLoadedModuleList()).isEqualTo(0xFFFF_F804_7A01_5000L);
        assertThat(version.debuggerDataList()).isEqualTo(0xFFFF_F804_7A01_6000L);
        assertThat(build.ntBuildLab()).startsWith(build.buildNumber() + ".1.amd64fre.");
        assertThat(WindowsBuild.of(build.buildNumber())).isSameAs(build);
    }

    @ParameterizedTest
    @EnumSource(WindowsBuild.class)
    void theBuiltKernelReportsItsBuildEverywhere(WindowsBuild build) {
        KernelImage image = KernelImage.build(build, 1);
        KernelReader read = new KernelReader(image.virtual());
        assertThat(image.version()).isEqualTo(build.version(image.symbols().kernBase(),
                image.symbols().psLoadedModuleList(), image.symbols().debuggerDataList()));
        assertThat(read.asciiZ(image.symbols().ntBuildLab())).isEqualTo(build.ntBuildLab());
        assertThat(read.u32(image.symbols().kuserSharedData() + 0x260)).isEqualTo(build.buildNumber());
        assertThat(read.u32(image.symbols().kdDebuggerDataBlock() + 0x14)).isEqualTo(build.kdDebuggerDataSize());
    }

    @Test
    void debuggerDataSizeGrowsWithRedstone5() {
        assertThat(WindowsBuild.BUILD_17134.kdDebuggerDataSize()).isEqualTo(0x368);
        assertThat(WindowsBuild.BUILD_18362.kdDebuggerDataSize()).isEqualTo(0x380);
        assertThat(WindowsBuild.BUILD_19041.kdDebuggerDataSize()).isEqualTo(0x380);
        assertThat(WindowsBuild.BUILD_22621.kdDebuggerDataSize()).isEqualTo(0x380);
    }

    @Test
    void theDefaultIsWindows10Version2004() {
        assertThat(WindowsBuild.DEFAULT).isSameAs(WindowsBuild.BUILD_19041);
        assertThat(WindowsBuild.DEFAULT.buildNumber()).isEqualTo(19041);
        assertThat(WindowsBuild.DEFAULT.ntBuildLab()).isEqualTo("19041.1.amd64fre.vb_release.191206-1406");
        assertThat(WindowsBuild.DEFAULT.releaseName()).isEqualTo("Windows 10 2004");
    }

    @Test
    void anUnknownBuildIsRefusedWithTheSupportedList() {
        assertThatThrownBy(() -> WindowsBuild.of(19045)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("19045").hasMessageContaining("17134, 18362, 19041, 22621");
    }

    @Test
    void imagesAreStampedWithTheLabDate() {
        assertThat(WindowsBuild.BUILD_19041.imageTimeDateStamp()).as("2019-12-06 14:06 UTC").isEqualTo(1_575_641_160);
    }
}
