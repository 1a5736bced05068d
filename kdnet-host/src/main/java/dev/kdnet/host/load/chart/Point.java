package dev.kdnet.host.load.chart;

/**
 * One data point.
 *
 * @param x   its value on the x axis
 * @param y   its value on its series' y axis
 * @param tip what a reader sees when hovering over it, e.g. {@code 3.0 s: 12.40 MB/s}
 */
public record Point(double x, double y, String tip) {
    /** Whether both coordinates are numbers that can be drawn. */
    boolean drawable() {
        return Double.isFinite(x) && Double.isFinite(y);
    }
}
