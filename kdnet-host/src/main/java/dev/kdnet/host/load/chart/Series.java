package dev.kdnet.host.load.chart;

import java.util.List;

/**
 * A named line of points.
 *
 * @param name   its name in the legend, with its unit
 * @param colour its colour, a CSS colour such as {@code #1f6fb4}
 * @param stroke how its line is drawn
 * @param side   the y axis it is read against
 * @param points its points in x order
 */
public record Series(String name, String colour, Stroke stroke, Side side, List<Point> points) {
    /** How a series' line is drawn. */
    public enum Stroke {
        /** A solid line: a measurement. */
        SOLID,
        /** A dashed line: a model or law to compare a measurement with. */
        DASHED
    }

    /** Which y axis a series is read against. */
    public enum Side {
        /** The axis on the left. */
        LEFT,
        /** The axis on the right. */
        RIGHT
    }

    /**
     * A series.
     *
     * @param name   its name
     * @param colour its colour
     * @param stroke how its line is drawn
     * @param side   its y axis
     * @param points its points
     */
    public Series {
        points = List.copyOf(points);
    }
}
