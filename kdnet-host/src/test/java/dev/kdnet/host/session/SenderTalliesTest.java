package dev.kdnet.host.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SenderTalliesTest {
    private final SenderTallies tallies = new SenderTallies();

    @Test
    void sendersBeyondTheBoundAreNotTalliedWhileTheFirstOnesKeepCounting() {
        for (int i = 0; i < 1000; i++) {
            tallies.add(sender(i), 1, 1, 1, 0, 0, 0);
        }
        tallies.add(sender(0), 1, 0, 0, 0, 0, 0);
        assertThat(tallies.senders()).isEqualTo(SenderTallies.MAX_SENDERS);
        assertThat(tallies.snapshot()).hasSize(32);
        assertThat(tallies.snapshot().get(0).datagrams()).isEqualTo(2);
        assertThat(tallies.snapshot()).noneMatch(t -> t.source().equals(sender(SenderTallies.MAX_SENDERS)));
    }

    private static InetSocketAddress sender(int i) {
        return new InetSocketAddress("127.0." + (i >> 8) + "." + (i & 0xFF), 5000 + i);
    }
}
