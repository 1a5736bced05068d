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

/** bcdedit's {@code /dbgsettings net hostip:IP port:P key:K [nodhcp] [busparams:b.d.f]} as one string. */
class DbgSettingsTest {
    private static final String KEY = "1m770ts6ru0p.3671pemyie4i.2b8djy3wt5et.1p99ir125v4q";

    @Test
    void readsTheRequiredSettings() {
        DbgSettings settings = DbgSettings.parse("net hostip:192.168.1.10 port:50000 key:" + KEY);

        assertThat(settings.hostIp().getHostAddress()).isEqualTo("192.168.1.10");
        assertThat(settings.port()).isEqualTo(50000);
        assertThat(settings.key()).isEqualTo(KdnetKey.parse(KEY));
        assertThat(settings.noDhcp()).isFalse();
        assertThat(settings.busParams()).isEmpty();
    }

    @Test
    void takesNodhcpAndBusparamsInAnyOrderAndCase() {
        DbgSettings settings = DbgSettings.parse("  NET busparams:0.25.0 KEY:" + KEY.toUpperCase()
                + " nodhcp Port:50001 hostip:10.0.0.1 ");

        assertThat(settings.busParams()).contains(new BusParams(0, 25, 0));
        assertThat(settings.noDhcp()).isTrue();
        assertThat(settings.key()).isEqualTo(KdnetKey.parse(KEY));
        assertThat(settings.port()).isEqualTo(50001);
        assertThat(settings.hostIp().getHostAddress()).isEqualTo("10.0.0.1");
    }

    @Test
    void showsTheKeysFingerprintOnly() {
        assertThat(DbgSettings.parse("net hostip:1.2.3.4 port:50000 key:" + KEY).toString()).doesNotContain(KEY)
                .contains(KdnetKey.parse(KEY).fingerprint());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "net hostip:1.2.3.4 port:50000 key:K dhcp      | --dbgsettings: unknown word \"dhcp\"; expected hostip:,"
                + " port:, key:, nodhcp or busparams:",
        "net hostip:1.2.3.4 port:50000 key=SECRET      | --dbgsettings: unknown word \"key=…\"; expected hostip:,"
                + " port:, key:, nodhcp or busparams:",
        "serial debugport:1 baudrate:115200            | --dbgsettings must start with \"net\" (KDNET debugs over"
                + " the network), not \"serial\"",
        "key=SECRET hostip:1.2.3.4                     | --dbgsettings must start with \"net\" (KDNET debugs over"
                + " the network), not \"key=…\"",
        "net hostip:1.2.3.4 port:50000                 | --dbgsettings lacks key:w.x.y.z (./kdnet host keygen or"
                + " ./kdnet target --newkey makes one), or give the key in --key-file or KDNET_KEY",
        "net port:50000 key:K                          | --dbgsettings lacks hostip:IPv4 (the debugger host's"
                + " address)",
        "net hostip:1.2.3.4 key:K                      | --dbgsettings lacks port:P (KDNET ports are 49152-65535,"
                + " usually 50000)",
        "net hostip:1.2.3.4 port:50000 port:50001 key:K | --dbgsettings gives port: twice",
        "net nodhcp nodhcp hostip:1.2.3.4              | --dbgsettings gives nodhcp twice",
        "net hostip:1.2.3.4 port:abc key:K             | port \"abc\" is not a number",
        "net hostip:fe80::1 port:50000 key:K           | hostip \"fe80::1\" is not an IPv4 address (expected a.b.c.d,"
                + " like 192.168.1.10)",
        "net hostip:1.2.3.4 port:50000 key:1.2.3       | key has 3 parts; expected 4 base-36 parts separated by dots"
                + " (w.x.y.z)",
        "net hostip:1.2.3.4 port:5 key:K busparams:0.32.0 | busparams 0.32.0 is out of range: bus 0-255, device"
                + " 0-31, function 0-7"})
    void aMistakeSaysWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> DbgSettings.parse(text.replace("key:K", "key:" + KEY)))
                .isInstanceOf(UsageException.class).hasMessage(message).message().doesNotContain(KEY, "SECRET");
    }

    @Test
    void withoutKeyTheKeyComesFromTheKeyFileOrTheEnvironment(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("key"), "1.2.3.4");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        String words = "net hostip:1.2.3.4 port:50000";

        assertThat(DbgSettings.parse(words, file, Map.of()).key()).isEqualTo(KdnetKey.parse("1.2.3.4"));
        assertThat(DbgSettings.parse(words, null, Map.of(KeySource.ENVIRONMENT, "1.2.3.4")).key())
                .isEqualTo(KdnetKey.parse("1.2.3.4"));
        assertThatThrownBy(() -> DbgSettings.parse(words + " key:5.6.7.8", file, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--dbgsettings gives key: and --key-file another key; give the key once");
    }
}
