package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.key.KdnetKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code keygen}: a fresh, parseable key in every printed line, in the format {@code target --newkey} prints too. */
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
                "target:  ./kdnet target --hostip 192.168.7.1 --local-ip <the target's own IPv4> --port 50005"
                        + " --key " + key);
    }

    @Test
    void withoutHostIpShowsAPlaceholderForWindowsAndTheOneMachineSetupForTheTarget() {
        HostRun first = HostRun.of("keygen");
        HostRun second = HostRun.of("keygen");

        List<String> lines = first.outLines();
        String key = lines.get(0).substring("key:     ".length());
        assertThat(lines).containsExactly(
                "key:     " + key,
                "bcdedit: bcdedit /dbgsettings net hostip:<this machine's IPv4> port:50000 key:" + key,
                "host:    ./kdnet host listen --port 50000 --key " + key,
                "WinDbg:  windbg -k net:port=50000,key=" + key,
                "target:  ./kdnet target --hostip 127.0.0.1 --local-ip 127.0.0.2 --port 50000 --key " + key);
        assertThat(KdnetKey.parse(key).format()).isEqualTo(key);
        assertThat(first.outLines().get(0)).isNotEqualTo(second.outLines().get(0));
    }

    @Test
    void localIpShapesTheTargetLineAndMayNotBeTheHostsAddress() {
        HostRun given = HostRun.of("keygen", "--hostip", "127.0.0.1", "--local-ip", "127.0.0.9");
        HostRun same = HostRun.of("keygen", "--local-ip", "127.0.0.1");

        assertThat(given.outLines().get(4)).startsWith("target:  ./kdnet target --hostip 127.0.0.1 --local-ip"
                + " 127.0.0.9 --port 50000 --key ");
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.out()).isEmpty();
        assertThat(same.errLines()).containsExactly("kdnet host: --local-ip 127.0.0.1 is the host's address: give the"
                + " target another one (e.g. 127.0.0.2 for a host on 127.0.0.1)");
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
