package dev.kdnet.host.load.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;

/**
 * A base-10 logarithmic axis from the power of ten at or below the smallest positive value to the one at or above
 * the largest, with a tick at each power of ten: for values that span decades, such as the throughput of a delay
 * sweep (hundreds of MB/s on loopback, a tenth at 5 ms). Values at or below zero sit at the start.
 */
public final class LogAxis implements Axis {
    /** A chart whose values span more than this factor is easier to read on a log axis. */
    public static final double SPAN_WORTH_A_LOG_AXIS = 20;

    private final String title;
    private final int firstDecade;
    private final int decades;

    private LogAxis(String title, int firstDecade, int decades) {
        this.title = title;
        this.firstDecade = firstDecade;
        this.decades = decades;
    }

    /**
     * The axis that covers all finite positive values given (others are ignored); one decade from 1 when there is
     * none.
     */
    public static LogAxis covering(String title, DoubleStream values) {
        double[] positive = values.filter(value -> Double.isFinite(value) && value > 0).toArray();
        if (positive.length == 0) {
            return new LogAxis(title, 0, 1);
        }
        int low = (int) Math.floor(Math.log10(DoubleStream.of(positive).min().orElseThrow()));
        int high = (int) Math.ceil(Math.log10(DoubleStream.of(positive).max().orElseThrow()));
        return new LogAxis(title, low, Math.max(1, high - low));
    }

    /** True if the positive values among {@code values} span more than {@link #SPAN_WORTH_A_LOG_AXIS}. */
    public static boolean suits(DoubleStream values) {
        double[] positive = values.filter(value -> Double.isFinite(value) && value > 0).toArray();
        return positive.length > 1 && DoubleStream.of(positive).max().orElseThrow()
                > SPAN_WORTH_A_LOG_AXIS * DoubleStream.of(positive).min().orElseThrow();
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public double fraction(double value) {
        if (!(value > 0)) {
            return 0;
        }
        return (Math.log10(value) - firstDecade) / decades;
    }

    @Override
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>(decades + 1);
        for (int i = 0; i <= decades; i++) {
            int exponent = firstDecade + i;
            String label = exponent >= 0 ? String.format(Locale.ROOT, "%,.0f", Math.pow(10, exponent))
                    : String.format(Locale.ROOT, "%." + -exponent + "f", Math.pow(10, exponent));
            ticks.add(new Tick((double) i / decades, label));
        }
        return ticks;
    }
}
