package dev.kdnet.protocol.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.key.KdnetKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key from --key, from --key-file or from KDNET_KEY, and the one-line mistakes of each, never showing a key. */
class KeySourceTest {
    private static final String KEY = "1m770ts6ru0p.3671pemyie4i.2b8djy3wt5et.1p99ir125v4q";
    private static final String OTHER = "1.2.3.4";
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @TempDir
    Path directory;

    private Path keyFile(String text, String permissions) throws Exception {
        Path file = directory.resolve("key");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void theKeyOptionGivesTheKeyAndOverridesTheEnvironment() {
        assertThat(KeySource.resolve(KEY, null, Map.of(KeySource.ENVIRONMENT, OTHER)))
                .contains(KdnetKey.parse(KEY));
    }

    @Test
    void aKeyFileOnlyItsOwnerCanReadGivesTheKeyWithoutTheBlanksAroundIt() throws Exception {
        Path file = keyFile("  " + KEY + "\n", "rw-------");

        assertThat(KeySource.resolve(null, file, Map.of(KeySource.ENVIRONMENT, OTHER))).contains(KdnetKey.parse(KEY));
    }

    @Test
    void withoutEitherOptionTheEnvironmentGivesTheKey() {
        assertThat(KeySource.resolve(null, null, Map.of(KeySource.ENVIRONMENT, KEY))).contains(KdnetKey.parse(KEY));
    }

    @Test
    void withoutOptionsAndEnvironmentThereIsNoKey() {
        assertThat(KeySource.resolve(null, null, NO_ENVIRONMENT)).isEmpty();
        assertThat(KeySource.resolve(null, null, Map.of(KeySource.ENVIRONMENT, " "))).isEmpty();
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedWithTheChmodThatFixesIt() throws Exception {
        for (String permissions : new String[] {"rw-r-----", "rw----r--", "rw-r--r--"}) {
            Path file = keyFile(KEY, permissions);

            assertThatThrownBy(() -> KeySource.resolve(null, file, NO_ENVIRONMENT))
                    .isInstanceOf(UsageException.class).hasMessage("key file " + file
                            + " can be read by other users (" + permissions + "); chmod 600 " + file);
        }
    }

    @Test
    void bothOptionsAreAMistake() throws Exception {
        Path file = keyFile(KEY, "rw-------");

        assertThatThrownBy(() -> KeySource.resolve(KEY, file, NO_ENVIRONMENT)).isInstanceOf(UsageException.class)
                .hasMessage("--key and --key-file exclude each other; give one");
    }

    @Test
    void aMissingEmptyOrBadKeyFileSaysWhichAndNeverShowsItsText() throws Exception {
        Path missing = directory.resolve("none");
        Path empty = keyFile("\n", "rw-------");

        assertThatThrownBy(() -> KeySource.resolve(null, missing, NO_ENVIRONMENT))
                .hasMessage("key file " + missing + ": no such file");
        assertThatThrownBy(() -> KeySource.resolve(null, empty, NO_ENVIRONMENT))
                .hasMessage("key file " + empty + " is empty; it should hold the key, w.x.y.z");
        Path bad = keyFile("1.2.3", "rw-------");
        assertThatThrownBy(() -> KeySource.resolve(null, bad, NO_ENVIRONMENT)).hasMessage("key file " + bad
                + ": key has 3 parts; expected 4 base-36 parts separated by dots (w.x.y.z)");
    }

    @Test
    void aBadKeyInTheEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> KeySource.resolve(null, null, Map.of(KeySource.ENVIRONMENT, "1.2.3")))
                .isInstanceOf(UsageException.class).hasMessage("KDNET_KEY: key has 3 parts; expected 4 base-36 parts"
                        + " separated by dots (w.x.y.z)");
    }
}
