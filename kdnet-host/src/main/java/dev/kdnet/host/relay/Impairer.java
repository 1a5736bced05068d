package dev.kdnet.host.relay;

import java.time.Duration;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Decides the fate of each datagram of one direction. The same settings and seed give the same verdicts for the
 * same datagram lengths. Not thread-safe: one direction's datagrams are decided one after the other.
 */
public final class Impairer {
    private static final String ALGORITHM = "L64X128MixRandom";

    private final Impairment impairment;
    private final RandomGenerator random;

    /** An impairer applying {@code impairment}, drawing from a generator seeded with {@code seed}. */
    public Impairer(Impairment impairment, long seed) {
        this.impairment = impairment;
        this.random = RandomGeneratorFactory.of(ALGORITHM).create(seed);
    }

    /**
     * The verdict for the next datagram, {@code length} bytes long. Every call draws the same number of values, so
     * one decision never shifts the randomness of the next.
     */
    public Verdict decide(int length) {
        boolean drop = random.nextDouble() < impairment.loss();
        boolean duplicate = random.nextDouble() < impairment.duplicate();
        boolean holdBack = random.nextDouble() < impairment.reorder();
        boolean corrupt = random.nextDouble() < impairment.corrupt();
        double spread = random.nextDouble() * 2 - 1;
        int bit = random.nextInt(Math.max(1, length * 8));
        if (drop) {
            return Verdict.DROP;
        }
        long jitter = Math.round(spread * impairment.jitter().toNanos());
        Duration delay = Duration.ofNanos(Math.max(0, impairment.delay().toNanos() + jitter));
        return new Verdict(false, duplicate, holdBack, delay, corrupt && length > 0 ? bit : -1);
    }
}
