package dev.kdnet.host.session;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per source address for datagrams that do not come from a session's established target, checked
 * before any crypto work so that one flooding source costs the host little. Remembers at most {@code maxSources}
 * addresses, forgetting the one heard from least recently, so a flood of spoofed sources cannot grow it. Used from
 * one event loop only.
 */
final class SourceRateLimiter {
    /** Datagrams per second a source may sustain by default (a target pokes a few times a second). */
    static final int DEFAULT_RATE = 200;
    /** Datagrams a quiet source may send at once by default. */
    static final int DEFAULT_BURST = 400;
    /** Source addresses remembered by default. */
    static final int DEFAULT_MAX_SOURCES = 64;

    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double rate;
    private final double burst;
    private final LongSupplier clock;
    private final Map<InetAddress, Bucket> buckets;

    SourceRateLimiter(int ratePerSecond, int burst, int maxSources, LongSupplier clock) {
        if (ratePerSecond < 1 || burst < 1 || maxSources < 1) {
            throw new IllegalArgumentException("rate, burst and source bound must be positive");
        }
        this.rate = ratePerSecond;
        this.burst = burst;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, Bucket> eldest) {
                return size() > maxSources;
            }
        };
    }

    /** The default rate, burst and bound, timed by {@code clock} (nanoseconds). */
    static SourceRateLimiter withDefaults(LongSupplier clock) {
        return new SourceRateLimiter(DEFAULT_RATE, DEFAULT_BURST, DEFAULT_MAX_SOURCES, clock);
    }

    /** Takes a token from {@code source}'s bucket; false if it is empty (the datagram is to be dropped). */
    boolean admit(InetAddress source) {
        long now = clock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(source, s -> new Bucket(burst, now));
        bucket.refill(now, rate, burst);
        return bucket.take();
    }

    /** How many source addresses are remembered now. */
    int sources() {
        return buckets.size();
    }

    /** The tokens of one source and when they were last refilled. */
    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        void refill(long now, double rate, double burst) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * rate / NANOS_PER_SECOND);
            refilledAt = now;
        }

        boolean take() {
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
