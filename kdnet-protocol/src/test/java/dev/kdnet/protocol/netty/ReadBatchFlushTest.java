package dev.kdnet.protocol.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** Flushes held during a read go out together when the read ends; others pass at once. */
class ReadBatchFlushTest {
    /** Answers every inbound message with two messages, each written and flushed on its own (an ACK, a reply). */
    private static final class AckThenReply extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.writeAndFlush("ack " + msg);
            ctx.writeAndFlush("reply " + msg);
        }
    }

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(UdpTransport.withReadBatchFlush(new AckThenReply()));
    }

    @Test
    void whatAReadWritesIsFlushedWhenTheReadEnds() {
        EmbeddedChannel channel = channel();
        channel.pipeline().fireChannelRead("1");
        assertThat(channel.outboundMessages()).isEmpty();
        channel.pipeline().fireChannelReadComplete();
        assertThat(channel.outboundMessages()).containsExactly("ack 1", "reply 1");
    }

    @Test
    void aFlushOutsideAReadPassesAtOnce() {
        EmbeddedChannel channel = channel();
        channel.pipeline().fireChannelRead("1");
        channel.pipeline().fireChannelReadComplete();
        channel.writeAndFlush("timer");
        assertThat(channel.outboundMessages()).containsExactly("ack 1", "reply 1", "timer");
    }

    @Test
    void closingFlushesWhatIsHeld() {
        EmbeddedChannel channel = channel();
        channel.pipeline().fireChannelRead("1");
        assertThat(channel.outboundMessages()).isEmpty();
        channel.close();
        assertThat(channel.outboundMessages()).containsExactly("ack 1", "reply 1");
    }
}
