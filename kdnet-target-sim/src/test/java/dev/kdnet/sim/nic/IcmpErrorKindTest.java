package dev.kdnet.sim.nic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ICMP type and code as RFC 792 and RFC 1812 number them. */
class IcmpErrorKindTest {
    @ParameterizedTest(name = "type {0} code {1} is {2}")
    @CsvSource({
        "3, 0, NETWORK_UNREACHABLE", "3, 1, HOST_UNREACHABLE", "3, 2, OTHER", "3, 3, PORT_UNREACHABLE",
        "3, 4, FRAGMENTATION_NEEDED", "3, 5, OTHER", "3, 6, NETWORK_UNREACHABLE", "3, 7, HOST_UNREACHABLE",
        "3, 9, PROHIBITED", "3, 10, PROHIBITED", "3, 11, NETWORK_UNREACHABLE", "3, 12, HOST_UNREACHABLE",
        "3, 13, PROHIBITED", "11, 0, TIME_EXCEEDED", "11, 1, TIME_EXCEEDED", "12, 0, OTHER"})
    void typeAndCodeGiveTheKind(int type, int code, IcmpErrorKind kind) {
        assertThat(IcmpErrorKind.of(type, code)).isEqualTo(kind);
    }
}
