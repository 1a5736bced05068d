package dev.kdnet.protocol.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A dotted-quad IPv4 address, read strictly and without a name lookup. */
class Ipv4ArgumentTest {

    @Test
    void readsEachOctet() {
        assertThat(Ipv4Argument.parse("--hostip", "192.168.1.10").getAddress())
                .containsExactly(192, 168, 1, 10);
        assertThat(Ipv4Argument.parse("--bind", "0.0.0.0").getAddress()).containsExactly(0, 0, 0, 0);
        assertThat(Ipv4Argument.parse("--bind", "255.255.255.255").getHostAddress()).isEqualTo("255.255.255.255");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "fe80::1", "192.168.1.256", "1.2.3", "1.2.3.4.5", "1.2.3.", "1..3.4",
        "1.2.3.4 ", "+1.2.3.4", "1.2.3.0004", ""})
    void anythingElseIsAMistakeNamingTheSetting(String text) {
        assertThatThrownBy(() -> Ipv4Argument.parse("--local-ip", text)).isInstanceOf(UsageException.class)
                .hasMessage("--local-ip \"" + text + "\" is not an IPv4 address (expected a.b.c.d, like 192.168.1.10)");
    }
}
