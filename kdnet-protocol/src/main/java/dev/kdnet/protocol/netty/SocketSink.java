package dev.kdnet.protocol.netty;

import dev.kdnet.protocol.session.DatagramSink;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.BiConsumer;

/** A {@link DatagramSink} that writes to a bound Netty datagram channel. */
public final class SocketSink implements DatagramSink {
    private final Channel channel;
    private final BiConsumer<InetSocketAddress, Throwable> failed;

    /**
     * A sink on {@code channel}; {@code failed} hears of every datagram the socket could not send, with its
     * recipient, on the channel's event loop.
     */
    public SocketSink(Channel channel, BiConsumer<InetSocketAddress, Throwable> failed) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.failed = Objects.requireNonNull(failed, "failed");
    }

    @Override
    public void send(InetSocketAddress recipient, ByteBuffer datagram) {
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(datagram), recipient)).addListener(f -> {
            if (!f.isSuccess()) {
                failed.accept(recipient, f.cause());
            }
        });
    }
}
