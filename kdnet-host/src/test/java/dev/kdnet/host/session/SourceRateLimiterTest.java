package dev.kdnet.host.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SourceRateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final SourceRateLimiter limiter = new SourceRateLimiter(200, 400, 4, now::get);

    @Test
    void aQuietSourceMaySendItsBurstAndNoMore() throws Exception {
        assertThat(admitted(address(1), 1000)).isEqualTo(400);
        assertThat(admitted(address(2), 1)).as("another source has a bucket of its own").isEqualTo(1);
    }

    @Test
    void anEmptyBucketRefillsAtTheRateUpToTheBurst() throws Exception {
        InetAddress source = address(1);
        admitted(source, 400);
        advanceMillis(100);
        assertThat(admitted(source, 1000)).as("100 ms at 200/s").isEqualTo(20);
        advanceMillis(4);
        assertThat(admitted(source, 1)).as("less than one token in 4 ms").isZero();
        advanceMillis(1);
        assertThat(admitted(source, 1)).as("the fifth millisecond completes one").isEqualTo(1);
        advanceMillis(60_000);
        assertThat(admitted(source, 1000)).as("a long pause refills no more than the burst").isEqualTo(400);
    }

    @Test
    void manySourcesAreBoundedByForgettingTheLeastRecentlyHeard() throws Exception {
        InetAddress flooder = address(1);
        admitted(flooder, 400);
        for (int i = 2; i < 1000; i++) {
            admitted(address(i), 1);
            assertThat(limiter.sources()).isLessThanOrEqualTo(4);
        }
        assertThat(admitted(flooder, 1)).as("forgotten, so it starts with a full bucket again").isEqualTo(1);
    }

    @Test
    void aSourceHeardRecentlyIsKeptWhileOthersComeAndGo() throws Exception {
        InetAddress busy = address(1);
        admitted(busy, 400);
        for (int i = 2; i < 100; i++) {
            admitted(address(i), 1);
            assertThat(admitted(busy, 1)).as("still limited, so still remembered").isZero();
        }
    }

    private int admitted(InetAddress source, int datagrams) {
        int admitted = 0;
        for (int i = 0; i < datagrams; i++) {
            admitted += limiter.admit(source) ? 1 : 0;
        }
        return admitted;
    }

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private static InetAddress address(int n) throws Exception {
        return InetAddress.getByAddress(new byte[] {10, 0, (byte) (n >> 8), (byte) n});
    }
}
