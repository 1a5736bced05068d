package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.args.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addresses and subnets as users write them. */
class CidrTest {

    @ParameterizedTest
    @CsvSource({"10.1.2.3, 10.1.2.3, 10.1.2.3/32", "10.1.2.3/24, 10.1.2.0/24, 10.1.2.0/24",
        "10.1.2.3/0, 0.0.0.0/0, 0.0.0.0/0", "192.168.7.200/25, 192.168.7.128/25, 192.168.7.128/25"})
    void parsesAnAddressOrASubnetClearingTheHostBits(String text, String printed, String withPrefix) {
        Cidr cidr = Cidr.parse("--target", text);

        assertThat(cidr).hasToString(printed);
        assertThat(cidr.withPrefix()).isEqualTo(withPrefix);
    }

    @Test
    void aPrefixAbove32IsAUsageMistake() {
        assertThatThrownBy(() -> Cidr.parse("--target", "10.0.0.0/33")).isInstanceOf(UsageException.class)
                .hasMessage("--target \"10.0.0.0/33\" has a prefix outside 0-32 (expected a.b.c.d or a.b.c.d/n,"
                        + " like 192.168.1.0/24)");
    }

    @Test
    void anAddressThatIsNoIpv4IsAUsageMistake() {
        assertThatThrownBy(() -> Cidr.parse("--target", "fe80::1/64")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--target \"fe80::1\" is not an IPv4 address");
    }
}
