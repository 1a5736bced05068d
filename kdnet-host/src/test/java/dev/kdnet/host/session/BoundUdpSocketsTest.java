package dev.kdnet.host.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Linux's table of UDP sockets, and which of them a host must not share a port with. */
class BoundUdpSocketsTest {
    private static final List<String> TABLE = List.of(
            "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref"
                    + " pointer drops",
            "12844: 0200007F:C3CB 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 468337 2"
                    + " 00000000da0cf3c2 0",
            "12844: 00000000:C350 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 468336 2"
                    + " 000000007aedf678 0");

    @Test
    void readsEachSocketsAddressInTheMachinesByteOrder() {
        assertThat(BoundUdpSockets.parse(TABLE, ByteOrder.LITTLE_ENDIAN)).containsExactly(
                new InetSocketAddress("127.0.0.2", 50123), new InetSocketAddress("0.0.0.0", 50000));
        assertThat(BoundUdpSockets.parse(TABLE, ByteOrder.BIG_ENDIAN).get(0))
                .isEqualTo(new InetSocketAddress("2.0.0.127", 50123));
    }

    @Test
    void readsIpv4MappedAndWildcardAddressesOfTheIpv6Table() {
        List<String> table = List.of(
                "  sl  local_address                         remote_address                        st",
                "12845: 0000000000000000FFFF00000200007F:C3CC 00000000000000000000000000000000:0000 07",
                "12845: 0000000000000000FFFF000000000000:C3CC 00000000000000000000000000000000:0000 07",
                "12846: 00000000000000000000000000000000:C3CD 00000000000000000000000000000000:0000 07");

        List<InetSocketAddress> sockets = BoundUdpSockets.parse(table, ByteOrder.LITTLE_ENDIAN);

        assertThat(sockets).containsExactly(new InetSocketAddress("127.0.0.2", 50124),
                new InetSocketAddress("0.0.0.0", 50124), new InetSocketAddress("::", 50125));
        assertThat(sockets.get(2).getAddress().isAnyLocalAddress()).isTrue();
    }

    @Test
    void anEmptyTableOrLinesOfAnotherShapeHaveNoSockets() {
        assertThat(BoundUdpSockets.parse(TABLE.subList(0, 1), ByteOrder.LITTLE_ENDIAN)).isEmpty();
        assertThat(BoundUdpSockets.parse(List.of(), ByteOrder.LITTLE_ENDIAN)).isEmpty();
        assertThat(BoundUdpSockets.parse(List.of(TABLE.get(0), "1: zz:C350 00000000:0000", "2:"),
                ByteOrder.LITTLE_ENDIAN)).isEmpty();
    }

    @Test
    void aSocketOnTheSameAddressAndPortIsARival() {
        List<InetSocketAddress> bound = List.of(new InetSocketAddress("127.0.0.1", 50000));

        assertThat(BoundUdpSockets.rival(bound, new InetSocketAddress("127.0.0.1", 50000))).contains(bound.get(0));
        assertThat(BoundUdpSockets.rival(bound, new InetSocketAddress("127.0.0.1", 50001))).isEmpty();
    }

    @Test
    void aWildcardSocketOnThePortIsARivalOfAnyAddress() {
        List<InetSocketAddress> bound = List.of(new InetSocketAddress("0.0.0.0", 50000));

        assertThat(BoundUdpSockets.rival(bound, new InetSocketAddress("0.0.0.0", 50000))).contains(bound.get(0));
        assertThat(BoundUdpSockets.rival(bound, new InetSocketAddress("127.0.0.1", 50000))).contains(bound.get(0));
    }

    @Test
    void aTargetOnItsOwnAddressIsNoRivalOfAWildcardHost() {
        List<InetSocketAddress> bound = List.of(new InetSocketAddress("127.0.0.2", 50000));

        assertThat(BoundUdpSockets.rival(bound, new InetSocketAddress("0.0.0.0", 50000))).isEmpty();
    }
}
