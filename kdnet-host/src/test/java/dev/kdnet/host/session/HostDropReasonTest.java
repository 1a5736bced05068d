package dev.kdnet.host.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.datagram.RejectReason;
import org.junit.jupiter.api.Test;

/** Every reason the crypto layer rejects a datagram for has a host drop reason of the same name and words. */
class HostDropReasonTest {
    @Test
    void everyRejectReasonMapsToTheSameNamedHostDropReason() {
        for (RejectReason reason : RejectReason.values()) {
            HostDropReason drop = HostDropReason.of(reason);
            assertThat(drop.name()).isEqualTo(reason.name());
            assertThat(drop.description()).isEqualTo(reason.description());
        }
    }
}
