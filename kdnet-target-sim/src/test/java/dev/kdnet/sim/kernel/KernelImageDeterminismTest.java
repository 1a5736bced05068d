package dev.kdnet.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The same build and CPU count give the same bytes at the same addresses; bad arguments are refused. */
class KernelImageDeterminismTest {
    @Test
    void buildingTwiceGivesTheSameMemory() {
        KernelImage first = KernelImage.build(WindowsBuild.DEFAULT, 3);
        KernelImage second = KernelImage.build(WindowsBuild.DEFAULT, 3);
        assertThat(second.symbols()).isEqualTo(first.symbols());
        assertThat(second.virtual().cr3()).isEqualTo(first.virtual().cr3());
        long used = first.physical().allocationTop();
        assertThat(second.physical().allocationTop()).isEqualTo(used);
        assertThat(second.physical().read(0, (int) used)).isEqualTo(first.physical().read(0, (int) used));
    }

    @Test
    void differentBuildsDifferInTheirIdentity() {
        KernelImage vibranium = KernelImage.build(WindowsBuild.BUILD_19041, 1);
        KernelImage nickel = KernelImage.build(WindowsBuild.BUILD_22621, 1);
        assertThat(nickel.symbols().kernChecksum()).isNotEqualTo(vibranium.symbols().kernChecksum());
        assertThat(nickel.version().minorVersion()).isEqualTo(22621);
    }

    @Test
    void cpuCountMustBeOneToSixtyFour() {
        assertThatThrownBy(() -> KernelImage.build(WindowsBuild.DEFAULT, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..64");
        assertThatThrownBy(() -> KernelImage.build(WindowsBuild.DEFAULT, 65))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KernelImage.build(null, 1)).isInstanceOf(NullPointerException.class);
        assertThat(KernelImage.build(WindowsBuild.DEFAULT, 64).symbols().cpus()).hasSize(64);
    }
}
