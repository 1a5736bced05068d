package dev.kdnet.host.load.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;

/**
 * A linear axis over round numbers: it always includes zero and ends on ticks one step of 1, 2, 2.5 or 5 times a
 * power of ten apart, about {@value #TARGET_TICK_GAPS} steps in all.
 */
public final class LinearAxis implements Axis {
    /** How many steps between ticks the axis aims for. */
    static final int TARGET_TICK_GAPS = 5;
    /** The mantissas a step may have, smallest first. */
    private static final double[] STEP_MANTISSAS = {1, 2, 2.5, 5, 10};

    private final String title;
    private final double start;
    private final double step;
    private final int steps;

    private LinearAxis(String title, double start, double step, int steps) {
        this.title = title;
        this.start = start;
        this.step = step;
        this.steps = steps;
    }

    /**
     * The axis that covers zero and all finite values given (infinities and NaN are ignored).
     *
     * @param title  the title with its unit
     * @param values the values the axis must hold
     * @return the axis, from 0 to 1 when there is no finite value other than zero
     */
    public static LinearAxis covering(String title, DoubleStream values) {
        double[] finite = values.filter(Double::isFinite).toArray();
        double low = Math.min(0, DoubleStream.of(finite).min().orElse(0));
        double high = Math.max(0, DoubleStream.of(finite).max().orElse(0));
        if (high == low) {
            high = low + 1;
        }
        double step = roundStep((high - low) / TARGET_TICK_GAPS);
        double start = Math.floor(low / step) * step;
        int steps = (int) Math.ceil((high - start) / step - 1e-9);
        return new LinearAxis(title, start, step, Math.max(1, steps));
    }

    private static double roundStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double mantissa : STEP_MANTISSAS) {
            if (rough <= mantissa * power * (1 + 1e-9)) {
                return mantissa * power;
            }
        }
        return 10 * power;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public double fraction(double value) {
        return (value - start) / (step * steps);
    }

    /** The value at the end of the axis. */
    public double end() {
        return start + step * steps;
    }

    @Override
    public List<Tick> ticks() {
        String format = "%,." + decimals() + "f";
        List<Tick> ticks = new ArrayList<>(steps + 1);
        for (int i = 0; i <= steps; i++) {
            double value = start + i * step;
            ticks.add(new Tick((double) i / steps, String.format(Locale.ROOT, format, value == 0 ? 0.0 : value)));
        }
        return ticks;
    }

    private int decimals() {
        int decimals = 0;
        double scaled = step;
        while (Math.abs(scaled - Math.rint(scaled)) > 1e-9 * Math.max(1, scaled) && decimals < 12) {
            scaled *= 10;
            decimals++;
        }
        return decimals;
    }
}
