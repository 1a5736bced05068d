package dev.kdnet.protocol.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether this machine has an address a socket is asked to bind. */
class LocalAddressTest {
    private static final List<Inet4Address> OWN = List.of(ip("127.0.0.1"), ip("192.168.1.10"));

    private static Inet4Address ip(String text) {
        return Ipv4Argument.parse("test", text);
    }

    @Test
    void theWildcardLoopbackAndInterfaceAddressesAreLocal() {
        for (String address : List.of("0.0.0.0", "127.0.0.1", "127.0.0.2", "192.168.1.10")) {
            assertThat(LocalAddress.check("--bind", ip(address), OWN)).isEqualTo(ip(address));
        }
    }

    @Test
    void anotherAddressIsRefusedWithTheMachinesOwn() {
        assertThatThrownBy(() -> LocalAddress.check("--bind", ip("10.99.99.99"), OWN))
                .isInstanceOf(UsageException.class).hasMessage("--bind 10.99.99.99 is not an address of this"
                        + " machine; give one of its own (127.0.0.1, 192.168.1.10) or leave --bind out");
    }

    @Test
    void thisMachineHasItsLoopbackInterface() {
        assertThat(LocalAddress.interfaceAddresses()).contains(ip("127.0.0.1"));
        assertThat(LocalAddress.check("--local-ip", ip("127.0.0.1"))).isEqualTo(ip("127.0.0.1"));
    }
}
