package dev.kdnet.protocol.drop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.datagram.RejectReason;
import org.junit.jupiter.api.Test;

/** Every reason the crypto layer rejects a datagram for has a drop reason of the same name and words. */
class DropReasonTest {
    @Test
    void everyRejectReasonMapsToTheSameNamedDropReason() {
        for (RejectReason reason : RejectReason.values()) {
            DropReason drop = DropReason.of(reason);
            assertThat(drop.name()).isEqualTo(reason.name());
            assertThat(drop.description()).isEqualTo(reason.description());
        }
    }
}
