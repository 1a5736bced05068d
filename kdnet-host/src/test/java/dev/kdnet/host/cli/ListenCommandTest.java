package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code listen}: a mistake in the connection options is one line and exit code 2, before any socket opens. */
class ListenCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port 50000 --key 1.2.3              | key has 3 parts; expected 4 base-36 parts separated by dots (w.x.y.z)",
        "--ports 50039-50000 --key 1.2.3.4     | ports 50039-50000 run backwards; give the lower port first",
        "--port 50000                          | no key: give --key w.x.y.z, --key-file FILE or set KDNET_KEY (the"
                + " target's bcdedit key; ./kdnet host keygen makes one)",
        "--key 1.2.3.4 --bind localhost        | --bind \"localhost\" is not an IPv4 address (expected a.b.c.d, like"
                + " 192.168.1.10)",
        "--key 1.2.3.4 --target 10.0.0.256     | --target \"10.0.0.256\" is not an IPv4 address (expected a.b.c.d,"
                + " like 192.168.1.10)",
        "-k net:port=50000,key=1.2.3.4,target=x | -k target \"x\" is not an IPv4 address (expected a.b.c.d, like"
                + " 192.168.1.10)",
        "-k net:port=50000 --key 1.2.3.4       | -k replaces --port, --ports and --key; give one form",
        "-k net:port=50000,key=1.2.3.4 --key-file k | -k gives key= and --key-file another key; give the key once",
        "--key 1.2.3.4 --key-file k            | --key and --key-file exclude each other; give one",
        "--key-file /nonexistent/k             | key file /nonexistent/k: no such file",
        "--key 1.2.3.4 --bind 999.1.1.1        | --bind \"999.1.1.1\" is not an IPv4 address (expected a.b.c.d, like"
                + " 192.168.1.10)",
        "--key 1.2.3.4 --bind ::1              | --bind \"::1\" is not an IPv4 address (expected a.b.c.d, like"
                + " 192.168.1.10)",
        "-k net:port=50000,key=1.2.3.4,target=1.2.3 | -k target \"1.2.3\" is not an IPv4 address (expected"
                + " a.b.c.d, like 192.168.1.10)",
        "--key 1.2.3.4 --wait -5 -c q          | --wait -5 is negative; give the seconds to wait for a target, 0 or"
                + " more"})
    void aConnectionMistakeIsOneLineAndExitCode2(String args, String message) {
        List<String> all = new ArrayList<>(List.of("listen"));
        all.addAll(List.of(args.split(" ")));

        HostRun run = HostRun.of(all.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("kdnet host: " + message);
    }

    @Test
    void aBindAddressThisMachineDoesNotHaveIsRefusedWithItsOwn() {
        HostRun run = HostRun.of("listen", "--key", "1.2.3.4", "--bind", "198.51.100.7", "-c", "q");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("kdnet host: --bind 198.51.100.7 is not an address of this machine; give one of its own (")
                .contains("127.0.0.1").endsWith(") or leave --bind out");
    }
}
