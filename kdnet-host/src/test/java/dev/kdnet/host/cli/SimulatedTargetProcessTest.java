package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where the demo finds the simulated target's jar: beside the host's module in the same build. */
class SimulatedTargetProcessTest {
    private static final Path EXPECTED = Path.of("/src/kdnet/kdnet-target-sim/target/kdnet-target-sim.jar");

    @Test
    void theShadedHostJarFindsTheSimulatorsJarOfItsBuild() {
        assertThat(SimulatedTargetProcess.besideHost(Path.of("/src/kdnet/kdnet-host/target/kdnet-host.jar")))
                .isEqualTo(EXPECTED);
    }

    @Test
    void hostClassesFindTheSameJar() {
        assertThat(SimulatedTargetProcess.besideHost(Path.of("/src/kdnet/kdnet-host/target/classes")))
                .isEqualTo(EXPECTED);
    }
}
