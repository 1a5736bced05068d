package dev.kdnet.it.bench;

import java.util.EnumMap;
import java.util.Map;

/**
 * Memory pulls and the raw ping-pongs they are compared with, at one chunk size, over the rounds of a run. Every
 * ratio is taken within a round (its measurements ran back to back) before the median is.
 */
final class PullResult {
    private final WireSizes sizes;
    private final Map<Measurement, Rounds> rates = new EnumMap<>(Measurement.class);
    private final Map<Ratio, Rounds> ratios = new EnumMap<>(Ratio.class);

    /** An empty result for the exchanges whose datagrams have {@code sizes}. */
    PullResult(WireSizes sizes) {
        this.sizes = sizes;
        for (Measurement measurement : Measurement.values()) {
            rates.put(measurement, new Rounds());
        }
        for (Ratio ratio : Ratio.values()) {
            ratios.put(ratio, new Rounds());
        }
    }

    /** The datagram sizes of one exchange. */
    WireSizes sizes() {
        return sizes;
    }

    /** Adds one round: exchanges/s for every {@link Measurement}. */
    void add(Map<Measurement, Double> round) {
        round.forEach((measurement, rate) -> rates.get(measurement).add(rate));
        for (Ratio ratio : Ratio.values()) {
            ratios.get(ratio).add(round.get(ratio.numerator()) / round.get(ratio.denominator()));
        }
    }

    /** Exchanges/s of {@code measurement} over the rounds. */
    Rounds rate(Measurement measurement) {
        return rates.get(measurement);
    }

    /** {@code ratio} over the rounds. */
    Rounds ratio(Ratio ratio) {
        return ratios.get(ratio);
    }

    /** MB/s (10^6 bytes) of memory at {@code exchangesPerSecond} of this chunk size. */
    double megabytes(double exchangesPerSecond) {
        return exchangesPerSecond * sizes.chunk() / 1e6;
    }
}
