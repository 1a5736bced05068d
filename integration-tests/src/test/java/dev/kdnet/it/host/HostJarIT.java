package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The shaded host jar ships no simulator: no class of kdnet-target-sim ({@code dev.kdnet.sim}) is in it, while the
 * host's own classes are. kdnet-host's enforcer rule keeps the dependency out; this checks what was packaged.
 */
class HostJarIT {
    private static final Path HOST_JAR = Path.of("../kdnet-host/target/kdnet-host.jar");

    @Test
    void theHostJarHoldsTheHostAndNoSimulatorClass() throws Exception {
        assertThat(HOST_JAR).as("the shaded host jar (mvn verify packages it before the ITs)").exists();
        try (JarFile jar = new JarFile(HOST_JAR.toFile())) {
            assertThat(jar.stream().map(ZipEntry::getName)).contains("dev/kdnet/host/cli/HostMain.class")
                    .noneMatch(name -> name.startsWith("dev/kdnet/sim/"));
        }
    }
}
