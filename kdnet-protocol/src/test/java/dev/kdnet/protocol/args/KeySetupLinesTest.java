package dev.kdnet.protocol.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.key.KdnetKey;
import java.net.Inet4Address;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lines keygen and --newkey print: each setup, the target's own address, and the one mistake refused. */
class KeySetupLinesTest {
    private static final String K = "1m770ts6ru0p.3671pemyie4i.2b8djy3wt5et.1p99ir125v4q";
    private static final KdnetKey KEY = KdnetKey.parse(K);

    @Test
    void withoutAddressesTheTargetLineIsTheOneMachineSetupOnLoopback() {
        assertThat(KeySetupLines.of(KEY, 50000, Optional.empty(), Optional.empty())).containsExactly(
                "key:     " + K,
                "bcdedit: bcdedit /dbgsettings net hostip:<this machine's IPv4> port:50000 key:" + K,
                "host:    ./kdnet host listen --port 50000 --key " + K,
                "WinDbg:  windbg -k net:port=50000,key=" + K,
                "target:  ./kdnet target --hostip 127.0.0.1 --local-ip 127.0.0.2 --port 50000 --key " + K);
    }

    @Test
    void aLanHostLeavesTheTargetsOwnAddressToFillInUnlessGiven() {
        assertThat(KeySetupLines.of(KEY, 50005, ip("192.168.7.1"), Optional.empty())).containsExactly(
                "key:     " + K,
                "bcdedit: bcdedit /dbgsettings net hostip:192.168.7.1 port:50005 key:" + K,
                "host:    ./kdnet host listen --port 50005 --key " + K,
                "WinDbg:  windbg -k net:port=50005,key=" + K,
                "target:  ./kdnet target --hostip 192.168.7.1 --local-ip <the target's own IPv4> --port 50005"
                        + " --key " + K);
        assertThat(KeySetupLines.of(KEY, 50005, ip("192.168.7.1"), ip("192.168.7.20")).get(4))
                .isEqualTo("target:  ./kdnet target --hostip 192.168.7.1 --local-ip 192.168.7.20 --port 50005"
                        + " --key " + K);
    }

    @Test
    void aLoopbackHostGetsTheLoopbackAddressBesideIt() {
        assertThat(KeySetupLines.of(KEY, 50000, ip("127.0.0.5"), Optional.empty()).get(4))
                .contains("--hostip 127.0.0.5 --local-ip 127.0.0.6 ");
        assertThat(KeySetupLines.loopbackBeside(ip("127.1.2.254").orElseThrow())).isEqualTo(ip("127.1.2.253"));
        assertThat(KeySetupLines.loopbackBeside(ip("10.0.0.1").orElseThrow())).isEmpty();
    }

    @Test
    void aTargetAddressThatIsTheHostsIsRefused() {
        assertThatThrownBy(() -> KeySetupLines.of(KEY, 50000, Optional.empty(), ip("127.0.0.1")))
                .isInstanceOf(UsageException.class).hasMessage("--local-ip 127.0.0.1 is the host's address: give the"
                        + " target another one (e.g. 127.0.0.2 for a host on 127.0.0.1)");
    }

    private static Optional<Inet4Address> ip(String text) {
        return Optional.of(Ipv4Argument.parse("test", text));
    }
}
