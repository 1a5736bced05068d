package dev.kdnet.protocol.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The text of {@code --version}: {@code kdnet 0.1.0-SNAPSHOT}, the version the build wrote into a resource of this
 * module (so it is the same in the shaded jars and in a test run from classes).
 */
public final class ProjectVersion implements IVersionProvider {
    /** The resource, beside this class, that the build filled in. */
    static final String RESOURCE = "version.properties";

    /** The project's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + ProjectVersion.class.getName()
                        + ": the build writes it");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"kdnet " + version()};
    }
}
