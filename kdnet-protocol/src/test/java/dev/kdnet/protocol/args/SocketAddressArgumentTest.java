package dev.kdnet.protocol.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ADDR:PORT}: an IPv4 address and a port; a mistake names the option and the part that is wrong. */
class SocketAddressArgumentTest {

    @Test
    void readsAddressAndPort() {
        InetSocketAddress address = SocketAddressArgument.parse("--to", "127.0.0.2:50000");

        assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.2");
        assertThat(address.getPort()).isEqualTo(50000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo              | --to \"foo\": expected ADDR:PORT",
        "127.0.0.1:70000  | --to \"127.0.0.1:70000\": expected ADDR:PORT (port 70000 is outside 1-65535)",
        "host:50000       | --to \"host:50000\": expected ADDR:PORT (address \"host\" is not an IPv4 address"
                + " (expected a.b.c.d, like 192.168.1.10))"})
    void aMistakeNamesTheOption(String text, String message) {
        assertThatThrownBy(() -> SocketAddressArgument.parse("--to", text)).isInstanceOf(UsageException.class)
                .hasMessage(message);
    }
}
