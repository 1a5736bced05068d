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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WinDbg's {@code -k net:port=P,key=K[,target=IP]}, and every way to get it wrong without showing the key. */
class WindbgConnectionTest {
    private static final String KEY = "1m770ts6ru0p.3671pemyie4i.2b8djy3wt5et.1p99ir125v4q";

    @Test
    void readsPortAndKey() {
        WindbgConnection k = WindbgConnection.parse("net:port=50000,key=" + KEY);

        assertThat(k.port()).isEqualTo(50000);
        assertThat(k.key()).isEqualTo(KdnetKey.parse(KEY));
        assertThat(k.target()).isEmpty();
    }

    @Test
    void readsATargetAndNamesInAnyCaseAndOrder() {
        WindbgConnection k = WindbgConnection.parse("NET:Target=192.168.1.20, KEY=" + KEY + " ,Port=50001");

        assertThat(k.port()).isEqualTo(50001);
        assertThat(k.key()).isEqualTo(KdnetKey.parse(KEY));
        assertThat(k.target()).hasValueSatisfying(ip -> assertThat(ip.getHostAddress()).isEqualTo("192.168.1.20"));
    }

    @Test
    void showsTheKeysFingerprintOnly() {
        assertThat(WindbgConnection.parse("net:port=50000,key=" + KEY).toString()).doesNotContain(KEY)
                .contains(KdnetKey.parse(KEY).fingerprint());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "com:port=1,baud=115200      | -k com:port=1,baud=115200 is not a network connection; expected"
                + " net:port=P,key=w.x.y.z",
        "serial:port=1,key=SECRET    | -k net:... is not a network connection; expected net:port=P,key=w.x.y.z",
        "net:port=50000              | -k needs key=w.x.y.z, or the key in --key-file or KDNET_KEY",
        "net:key=1.2.3.4             | -k needs port=, e.g. net:port=50000,key=1.2.3.4",
        "net:port,key=1.2.3.4        | -k: \"port\" needs a value (name=value)",
        "net:port=1,key=1.2.3.4,b=2  | -k: unknown setting \"b\"; expected port, key or target",
        "net:port=70000,key=1.2.3.4  | port 70000 is outside 1-65535",
        "net:port=5,key=1.2.3        | key has 3 parts; expected 4 base-36 parts separated by dots (w.x.y.z)",
        "net:port=5,key=1.2.3.4,target=h | -k target \"h\" is not an IPv4 address (expected a.b.c.d, like"
                + " 192.168.1.10)"})
    void aMistakeSaysWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> WindbgConnection.parse(text)).isInstanceOf(UsageException.class)
                .hasMessage(message);
    }

    @Test
    void withoutKeyTheKeyComesFromTheKeyFileOrTheEnvironment(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("key"), KEY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(WindbgConnection.parse("net:port=50000", file, Map.of()).key()).isEqualTo(KdnetKey.parse(KEY));
        assertThat(WindbgConnection.parse("net:port=50000", null, Map.of(KeySource.ENVIRONMENT, KEY)).key())
                .isEqualTo(KdnetKey.parse(KEY));
        assertThatThrownBy(() -> WindbgConnection.parse("net:port=50000,key=" + KEY, file, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("-k gives key= and --key-file another key; give the key once");
    }
}
