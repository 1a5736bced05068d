package dev.kdnet.host.firewall;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The tools' outputs recorded on this kind of machine in a namespace (see the test resources' names). */
final class StateSamples {
    private StateSamples() {
    }

    static String read(String name) {
        try (InputStream in = StateSamples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
