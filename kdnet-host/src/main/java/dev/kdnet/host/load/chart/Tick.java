package dev.kdnet.host.load.chart;

/**
 * One tick of an axis.
 *
 * @param fraction where it sits along the axis, 0 (start) to 1 (end)
 * @param label    its label, e.g. {@code 2.5} or {@code 99.9%}
 */
public record Tick(double fraction, String label) {
}
