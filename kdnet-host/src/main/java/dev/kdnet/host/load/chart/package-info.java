/**
 * Line charts drawn as SVG text by the project itself (no script, no library, no network): axes with ticks and
 * labels, series of points with a marker each, a legend. Knows nothing of load runs; {@code HtmlReport} feeds it.
 */
package dev.kdnet.host.load.chart;
