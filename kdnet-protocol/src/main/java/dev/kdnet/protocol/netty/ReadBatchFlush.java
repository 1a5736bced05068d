package dev.kdnet.protocol.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Holds the flushes asked for while the socket is delivering datagrams and flushes once when that read ends, so
 * that what one received datagram causes (a KD ACK and the reply after it) leaves in one flush: one
 * {@code sendmmsg} on epoll instead of one {@code sendmsg} each. A flush asked for outside a read (a timer, another
 * thread) passes at once. Not sharable: one per channel, first in its pipeline.
 */
public final class ReadBatchFlush extends ChannelDuplexHandler {
    private boolean reading;
    private boolean flushHeld;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        reading = true;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        flushHeld(ctx);
        ctx.fireChannelReadComplete();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (reading) {
            flushHeld = true;
        } else {
            ctx.flush();
        }
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
        flushHeld(ctx);
        ctx.close(promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        reading = false;
        flushHeld(ctx);
        ctx.fireChannelInactive();
    }

    private void flushHeld(ChannelHandlerContext ctx) {
        if (flushHeld) {
            flushHeld = false;
            ctx.flush();
        }
    }
}
