package dev.kdnet.host.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.kd.KdPacket;
import org.junit.jupiter.api.Test;

class WireSizeTest {
    @Test
    void theLargestKdPacketSealsToTheLargestDatagram() {
        assertThat(WireSize.datagram(KdPacket.PACKET_MAX_SIZE)).isEqualTo(DatagramCrypto.MAX_LENGTH);
    }

    @Test
    void aReadsReplyCarriesItsDataAndItsRequestDoesNot() {
        assertThat(WireSize.reply(Workload.READ, 0x448) - WireSize.request(Workload.READ, 0x448))
                .isBetween(0x448, 0x448 + 16);
        assertThat(WireSize.request(Workload.WRITE, 0x448) - WireSize.reply(Workload.WRITE, 0x448))
                .isBetween(0x448, 0x448 + 16);
    }
}
