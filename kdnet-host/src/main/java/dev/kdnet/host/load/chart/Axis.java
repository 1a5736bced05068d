package dev.kdnet.host.load.chart;

import java.util.List;

/** Where a value sits along one axis of a chart, and the ticks that label it. */
public interface Axis {
    /** The axis's title with its unit, e.g. {@code time (s)}. */
    String title();

    /**
     * Where a value sits along the axis.
     *
     * @param value a value in the axis's unit
     * @return 0 at the start of the axis, 1 at its end
     */
    double fraction(double value);

    /** The ticks, from the start of the axis to its end. */
    List<Tick> ticks();
}
