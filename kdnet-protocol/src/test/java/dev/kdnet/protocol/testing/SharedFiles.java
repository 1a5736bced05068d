package dev.kdnet.protocol.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared} (specs, vectors, the real WinDbg capture) beside the project root. The build passes
 * its path in the {@code kdnet.shared} system property. A user's clone has no {@code ../shared}: tests that need it
 * are then skipped with a printed reason; CI always has it.
 */
public final class SharedFiles {
    private SharedFiles() {
    }

    /** Path of a file under {@code ../shared}; skips the calling test with a reason if it is absent. */
    public static Path require(String relative) {
        String root = System.getProperty("kdnet.shared", "../../shared");
        Path path = Path.of(root).resolve(relative).normalize();
        boolean present = Files.isReadable(path);
        if (!present) {
            System.out.println("SKIPPED: " + path + " is absent (../shared is not beside this clone)");
        }
        assumeTrue(present, () -> path + " is absent: ../shared is not beside this clone");
        return path;
    }

    /** The real WinDbg session capture (key 8.8.8.8, 955 datagrams). */
    public static Path windbgCapture() {
        return require("captures/windbg-uncut.pcapng.gz");
    }

    /** The datagram test vectors of kdnet-wire §9. */
    public static Path vectors() {
        return require("spec/kdnet-vectors.json");
    }
}
