package dev.kdnet.it.bench;

import dev.kdnet.protocol.netty.UdpSocketOptions;
import dev.kdnet.protocol.netty.UdpTransport;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The server of the event-loop raw ping-pong, a process of its own: {@link RawPeer}'s answers ({@link RawAnswers})
 * from a socket opened as the simulated target opens its own ({@link UdpTransport}, epoll, one event loop, the
 * target's socket options, what one read causes flushed once). What the architecture's transport costs a
 * ping-pong, without KDNET. Args: {@code address port}.
 */
public final class LoopRawPeer {
    private LoopRawPeer() {
    }

    /** Serves until stdin ends. */
    public static void main(String[] args) throws Exception {
        UdpTransport transport = UdpTransport.create(1);
        RawAnswers answers = new RawAnswers();
        transport.bind(new InetSocketAddress(args[0], Integer.parseInt(args[1])), UdpSocketOptions.target(),
                new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        ByteBuffer datagram = packet.content().nioBuffer();
                        for (ByteBuffer answer : answers.answer(datagram)) {
                            ctx.write(new DatagramPacket(Unpooled.wrappedBuffer(answer), packet.sender()));
                        }
                        ctx.flush();
                    }
                });
        RawPeer.exitAtEndOfInput();
        CommandLoop.answer(CommandLoop.READY);
        Thread.currentThread().join();
    }
}
