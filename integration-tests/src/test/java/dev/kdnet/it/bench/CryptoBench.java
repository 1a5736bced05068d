package dev.kdnet.it.bench;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.key.KdnetKey;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmarks of the datagram crypto on one thread: sealing and opening a datagram with a 1440-byte body, and the
 * receive path alone (for its allocation per datagram): opening that datagram, and opening and decoding a
 * ReadPhysicalMemory reply of the largest chunk as the host does. The receive side opens from direct buffers, as
 * from Netty's receive buffer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CryptoBench {
    /** The body each sealed datagram carries. */
    static final int BODY = 1440;

    private SealedDatagrams sealing;
    private byte[] body;
    private ByteBuffer sealed;
    private ByteBuffer sealedReply;

    /** Seals the datagrams the benchmarks open. */
    @Setup
    public void seal() {
        KdnetKey key = KdnetKey.generate();
        sealing = new SealedDatagrams(key);
        body = new byte[BODY];
        new Random(1).nextBytes(body);
        sealed = direct(sealing.seal(Direction.TARGET_TO_HOST, 1, body));
        sealedReply = direct(WireSizes.sealedReply(sealing, WireSizes.MAX_CHUNK));
    }

    /** Seal, then open what was sealed: the work of one datagram on both sides. */
    @Benchmark
    public ByteBuffer sealAndOpen() {
        return sealing.open(ByteBuffer.wrap(sealing.seal(Direction.TARGET_TO_HOST, 1, body)),
                Direction.TARGET_TO_HOST);
    }

    /** The receive side alone. */
    @Benchmark
    public ByteBuffer open() {
        return sealing.open(sealed, Direction.TARGET_TO_HOST);
    }

    /** A memory reply from wire bytes to its decoded message: open, KD packet, manipulate state. */
    @Benchmark
    public Object openMemoryReply() {
        return KdBody.decode(sealing.open(sealedReply, Direction.TARGET_TO_HOST)) instanceof Decoded.Ok<KdBody> kd
                && kd.value() instanceof KdPacket packet ? ManipulateState64.decode(packet.payload()) : null;
    }

    private static ByteBuffer direct(byte[] wire) {
        return ByteBuffer.allocateDirect(wire.length).put(wire).flip();
    }
}
