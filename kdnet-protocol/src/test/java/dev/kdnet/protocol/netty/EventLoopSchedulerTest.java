package dev.kdnet.protocol.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.link.KdScheduler;
import io.netty.channel.DefaultEventLoop;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Link timers on a real event loop: they run on the loop's thread, and a cancelled one never runs. */
class EventLoopSchedulerTest {
    @Test
    void timersRunOnTheLoopAndCancelledOnesDoNot() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            KdScheduler scheduler = new EventLoopScheduler(loop);
            CountDownLatch ran = new CountDownLatch(1);
            AtomicBoolean onLoop = new AtomicBoolean();
            AtomicBoolean cancelledRan = new AtomicBoolean();
            KdScheduler.Timer cancelled = scheduler.schedule(() -> cancelledRan.set(true), 200_000_000);
            cancelled.cancel();
            scheduler.schedule(() -> {
                onLoop.set(loop.inEventLoop());
                ran.countDown();
            }, 400_000_000);
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(onLoop).isTrue();
            assertThat(cancelledRan).isFalse();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
