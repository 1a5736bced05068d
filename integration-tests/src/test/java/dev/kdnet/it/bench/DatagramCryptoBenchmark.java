package dev.kdnet.it.bench;

import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.key.KdnetKey;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Seal and open of a data datagram with a 1440-byte body on one thread (issue 10's target: ≥ 300 MB/s of body for
 * seal + open). {@code open} reads from a direct buffer, as it does from Netty's receive buffer; run with
 * {@code -prof gc} to see the bytes allocated per datagram on the receive path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DatagramCryptoBenchmark {
    /** Body length of the benchmarked datagram. */
    public static final int BODY_LENGTH = 1440;

    private final DatagramCrypto crypto = new DatagramCrypto();
    private SessionKeys keys;
    private Datagram datagram;
    private ByteBuffer sealed;

    /** Keys, a random body and one sealed copy of it in a direct buffer. */
    @Setup
    public void setUp() {
        KdnetKey key = KdnetKey.parse("1.2.3.4");
        byte[] response = new byte[322];
        keys = SessionKeys.of(key).withDataKey(DataKey.derive(key, response));
        byte[] body = new byte[BODY_LENGTH];
        new SplittableRandom(1440).nextBytes(body);
        datagram = Datagram.of(6, Channel.DATA, 42, Direction.TARGET_TO_HOST, body);
        byte[] wire = crypto.seal(keys, datagram);
        sealed = ByteBuffer.allocateDirect(wire.length).put(wire).flip();
    }

    /** Seal, then open what was sealed (from a heap array). */
    @Benchmark
    public OpenOutcome sealAndOpen() {
        return crypto.open(keys, ByteBuffer.wrap(crypto.seal(keys, datagram)), Direction.TARGET_TO_HOST);
    }

    /** The receive path alone: open from a direct buffer. */
    @Benchmark
    public OpenOutcome open() {
        return crypto.open(keys, sealed, Direction.TARGET_TO_HOST);
    }
}
