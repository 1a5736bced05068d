package dev.kdnet.host.load.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * The percentile axis of a latency spectrum, as HdrHistogram's plotter draws it: a percentile p sits at
 * log10(1 / (1 − p)), so each "nine" takes the same width: 0%, 90%, 99%, 99.9%, 99.99%, ... The axis runs to the
 * first nine at or past the highest percentile below 100%. The 100th percentile (the maximum) is at infinity on that
 * scale; when present it gets a tick of its own, {@value #MAX_LABEL}, one nine's width past the
 * last.
 */
public final class PercentileAxis implements Axis {
    /**
     * The most nines an axis shows (99.99999%): their labels still fit side by side across the chart, and a run
     * needs some 10^7 requests to measure more. Higher percentiles are drawn at that tick.
     */
    static final int MOST_NINES = 7;
    /** The width, in nines, between the last nine and the tick of the maximum. */
    static final double MAX_GAP_NINES = 1;
    /** The label of the 100th percentile's tick. */
    static final String MAX_LABEL = "max";
    private static final double HUNDRED = 100;

    private final String title;
    private final int nines;
    private final boolean hasMax;

    private PercentileAxis(String title, int nines, boolean hasMax) {
        this.title = title;
        this.nines = nines;
        this.hasMax = hasMax;
    }

    /**
     * The axis that holds the percentiles given.
     *
     * @param title       the title
     * @param percentiles percentiles, 0..100
     * @return the axis: at least up to 90%, with a {@value #MAX_LABEL} tick when 100 is among them
     */
    public static PercentileAxis covering(String title, DoubleStream percentiles) {
        double[] all = percentiles.filter(Double::isFinite).toArray();
        double highest = DoubleStream.of(all).filter(p -> p < HUNDRED).max().orElse(0);
        int nines = (int) Math.ceil(ninesOf(highest) - 1e-9);
        boolean hasMax = DoubleStream.of(all).anyMatch(p -> p >= HUNDRED);
        return new PercentileAxis(title, Math.max(1, Math.min(MOST_NINES, nines)), hasMax);
    }

    /** log10(1 / (1 − p)): 0 for 0%, 1 for 90%, 2 for 99%, infinite for 100%. */
    private static double ninesOf(double percentile) {
        double clamped = Math.max(0, percentile);
        return clamped >= HUNDRED ? Double.POSITIVE_INFINITY : Math.log10(HUNDRED / (HUNDRED - clamped));
    }

    private double width() {
        return nines + (hasMax ? MAX_GAP_NINES : 0);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public double fraction(double percentile) {
        if (percentile >= HUNDRED && hasMax) {
            return 1;
        }
        return Math.min(ninesOf(percentile), nines) / width();
    }

    @Override
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>(nines + 2);
        for (int nine = 0; nine <= nines; nine++) {
            ticks.add(new Tick(nine / width(), label(nine)));
        }
        if (hasMax) {
            ticks.add(new Tick(1, MAX_LABEL));
        }
        return ticks;
    }

    /** 0%, 90%, 99%, 99.9%, ... written exactly. */
    private static String label(int nines) {
        BigDecimal percent = BigDecimal.valueOf(HUNDRED).subtract(BigDecimal.ONE.movePointLeft(nines - 2));
        return (nines == 0 ? "0" : percent.stripTrailingZeros().toPlainString()) + "%";
    }
}
