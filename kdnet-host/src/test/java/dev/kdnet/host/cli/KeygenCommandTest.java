package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.key.KdnetKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code keygen}: a fresh, parseable key in every printed line. */
class KeygenCommandTest {

    @Test
    void printsAFreshKeyInTheBcdeditHostWindbgAndTargetLines() {
        HostRun run = HostRun.of("keygen", "--port", "50005", "--hostip", "192.168.7.1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(5);
        String key = lines.get(0).substring(lines.get(0).lastIndexOf(' ') + 1);
        assertThat(KdnetKey.parse(key).format()).isEqualTo(key);
        assertThat(lines.subList(1, 5)).containsExactly(
                "bcdedit: bcdedit /dbgsettings net hostip:192.168.7.1 port:50005 key:" + key,
                "host:    ./kdnet host listen --port 50005 --key " + key,
                "WinDbg:  windbg -k net:port=50005,key=" + key,
                "target:  ./kdnet target --hostip 192.168.7.1 --port 50005 --key " + key);
    }

    @Test
    void withoutHostIpShowsAPlaceholderAndThePortDefault() {
        HostRun first = HostRun.of("keygen");
        HostRun second = HostRun.of("keygen");

        assertThat(first.outLines().get(1)).startsWith(
                "bcdedit: bcdedit /dbgsettings net hostip:<this machine's IPv4> port:50000 key:");
        assertThat(first.outLines().get(0)).isNotEqualTo(second.outLines().get(0));
    }

    @Test
    void badOptionsAreOneLineAndExitCode2() {
        HostRun badIp = HostRun.of("keygen", "--hostip", "host.example");
        HostRun badPort = HostRun.of("keygen", "--port", "70000");

        assertThat(badIp.exitCode()).isEqualTo(2);
        assertThat(badIp.errLines()).containsExactly("kdnet host: --hostip \"host.example\" is not an IPv4 address"
                + " (expected a.b.c.d, like 192.168.1.10)");
        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.errLines()).containsExactly("kdnet host: port 70000 is outside 1-65535");
    }

    @Test
    void aPortBcdeditRefusesIsRefusedBeforeAnyLineIsPrinted() {
        HostRun run = HostRun.of("keygen", "--port", "80");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("kdnet host: port 80 is outside 49152-65535, the ports bcdedit"
                + " takes for KDNET (50000-50039 recommended)");
    }
}
