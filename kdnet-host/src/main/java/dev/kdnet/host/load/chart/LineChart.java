package dev.kdnet.host.load.chart;

import static dev.kdnet.host.load.chart.Markup.coordinate;
import static dev.kdnet.host.load.chart.Markup.escape;

import java.util.List;
import java.util.Optional;

/**
 * A line chart as one {@code <svg>} element: a frame with grid lines, an x axis, a y axis on the left and optionally
 * one on the right, each with ticks, labels and a title, a legend, and each series as a line through its points with
 * a {@code circle.point} marker per point, inside a {@code g.series} whose {@code data-series} is the series' name.
 * A dashed series (a law or model) has hollow markers, so the measured points beside it stay visible. Points with a
 * coordinate that is not a finite number are left out. With no point to draw, the chart is the frame
 * with its note instead.
 *
 * @param id          the {@code id} of the {@code <svg>} element
 * @param description what the chart shows, its accessible title
 * @param x           the x axis
 * @param left        the y axis on the left
 * @param right       the y axis on the right, for series on {@link Series.Side#RIGHT}
 * @param series      the series, drawn in order, the first beneath the others
 * @param emptyNote   what the chart says when it has no point, e.g. {@code not a sweep}
 */
public record LineChart(String id, String description, Axis x, Axis left, Optional<Axis> right, List<Series> series,
        String emptyNote) {
    /** The drawing's width in SVG user units (it scales to the page). */
    static final double WIDTH = 760;
    /** The drawing's height in SVG user units. */
    static final double HEIGHT = 380;
    private static final double MARGIN_LEFT = 84;
    private static final double MARGIN_RIGHT_WITH_AXIS = 84;
    private static final double MARGIN_RIGHT_WITHOUT_AXIS = 24;
    private static final double MARGIN_TOP = 40;
    private static final double MARGIN_BOTTOM = 56;
    private static final double TICK_LENGTH = 5;
    private static final double LABEL_GAP = 4;
    /** The height of a 12px label's capitals above its baseline, to set a label's middle or top on a point. */
    private static final double CAP_HEIGHT = 9;
    /** From the drawing's edge to the baseline of the x axis's title or the middle of a y axis's title. */
    private static final double TITLE_INSET = 14;
    private static final double MARKER_RADIUS = 3;
    private static final double LEGEND_SWATCH = 18;
    private static final double LEGEND_SPACING = 28;
    private static final double LEGEND_CHAR_WIDTH = 7;
    private static final String DASH_PATTERN = "6 4";

    /**
     * A line chart.
     *
     * @param id          its element id
     * @param description what it shows
     * @param x           its x axis
     * @param left        its left y axis
     * @param right       its right y axis, if any
     * @param series      its series
     * @param emptyNote   what it says without points
     */
    public LineChart {
        series = List.copyOf(series);
    }

    /** The chart as an {@code <svg>} element. */
    public String svg() {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(escape(id))
                .append("\" class=\"chart\" viewBox=\"0 0 ").append(coordinate(WIDTH)).append(' ')
                .append(coordinate(HEIGHT)).append("\" role=\"img\">\n");
        svg.append("<title>").append(escape(description)).append("</title>\n");
        if (series.stream().flatMap(s -> s.points().stream()).noneMatch(Point::drawable)) {
            svg.append("<rect class=\"frame\" x=\"0.5\" y=\"0.5\" width=\"").append(coordinate(WIDTH - 1))
                    .append("\" height=\"").append(coordinate(HEIGHT - 1)).append("\"/>\n");
            svg.append("<text class=\"note\" x=\"").append(coordinate(WIDTH / 2)).append("\" y=\"")
                    .append(coordinate(HEIGHT / 2)).append("\" text-anchor=\"middle\">").append(escape(emptyNote))
                    .append("</text>\n");
            return svg.append("</svg>\n").toString();
        }
        Plot plot = new Plot(MARGIN_LEFT, MARGIN_TOP,
                WIDTH - MARGIN_LEFT - (right.isPresent() ? MARGIN_RIGHT_WITH_AXIS : MARGIN_RIGHT_WITHOUT_AXIS),
                HEIGHT - MARGIN_TOP - MARGIN_BOTTOM);
        grid(svg, plot);
        xAxis(svg, plot);
        yAxis(svg, plot, left, Series.Side.LEFT);
        right.ifPresent(axis -> yAxis(svg, plot, axis, Series.Side.RIGHT));
        for (Series one : series) {
            series(svg, plot, one);
        }
        legend(svg, plot);
        return svg.append("</svg>\n").toString();
    }

    /** The plotting area inside the margins, in SVG user units. */
    private record Plot(double left, double top, double width, double height) {
        double right() {
            return left + width;
        }

        double bottom() {
            return top + height;
        }

        double x(Axis axis, double value) {
            return left + axis.fraction(value) * width;
        }

        double y(Axis axis, double value) {
            return bottom() - axis.fraction(value) * height;
        }
    }

    private void grid(StringBuilder svg, Plot plot) {
        svg.append("<g class=\"grid\">\n");
        for (Tick tick : left.ticks()) {
            double y = plot.bottom() - tick.fraction() * plot.height();
            line(svg, plot.left(), y, plot.right(), y);
        }
        for (Tick tick : x.ticks()) {
            double at = plot.left() + tick.fraction() * plot.width();
            line(svg, at, plot.top(), at, plot.bottom());
        }
        svg.append("</g>\n");
    }

    private void xAxis(StringBuilder svg, Plot plot) {
        svg.append("<g class=\"axis x\">\n");
        line(svg, plot.left(), plot.bottom(), plot.right(), plot.bottom());
        for (Tick tick : x.ticks()) {
            double at = plot.left() + tick.fraction() * plot.width();
            line(svg, at, plot.bottom(), at, plot.bottom() + TICK_LENGTH);
            text(svg, "tick", at, plot.bottom() + TICK_LENGTH + LABEL_GAP + CAP_HEIGHT, "middle", tick.label());
        }
        text(svg, "title", plot.left() + plot.width() / 2, HEIGHT - TITLE_INSET, "middle", x.title());
        svg.append("</g>\n");
    }

    private static void yAxis(StringBuilder svg, Plot plot, Axis axis, Series.Side side) {
        boolean onLeft = side == Series.Side.LEFT;
        double at = onLeft ? plot.left() : plot.right();
        double outward = onLeft ? -1 : 1;
        svg.append("<g class=\"axis y ").append(onLeft ? "left" : "right").append("\">\n");
        line(svg, at, plot.top(), at, plot.bottom());
        for (Tick tick : axis.ticks()) {
            double y = plot.bottom() - tick.fraction() * plot.height();
            line(svg, at, y, at + outward * TICK_LENGTH, y);
            text(svg, "tick", at + outward * (TICK_LENGTH + LABEL_GAP), y + CAP_HEIGHT / 2, onLeft ? "end" : "start",
                    tick.label());
        }
        double titleX = onLeft ? TITLE_INSET : WIDTH - TITLE_INSET;
        double titleY = plot.top() + plot.height() / 2;
        svg.append("<text class=\"title\" text-anchor=\"middle\" transform=\"translate(").append(coordinate(titleX))
                .append(',').append(coordinate(titleY)).append(") rotate(").append(onLeft ? "-90" : "90")
                .append(")\">").append(escape(axis.title())).append("</text>\n");
        svg.append("</g>\n");
    }

    private void series(StringBuilder svg, Plot plot, Series one) {
        Axis y = one.side() == Series.Side.LEFT ? left : right.orElse(left);
        List<Point> drawn = one.points().stream().filter(Point::drawable).toList();
        svg.append("<g class=\"series\" data-series=\"").append(escape(one.name())).append("\">\n");
        svg.append("<polyline fill=\"none\" stroke=\"").append(escape(one.colour())).append('"');
        if (one.stroke() == Series.Stroke.DASHED) {
            svg.append(" stroke-dasharray=\"").append(DASH_PATTERN).append('"');
        }
        svg.append(" points=\"");
        for (Point point : drawn) {
            svg.append(coordinate(plot.x(x, point.x()))).append(',').append(coordinate(plot.y(y, point.y())))
                    .append(' ');
        }
        svg.append("\"/>\n");
        for (Point point : drawn) {
            svg.append("<circle class=\"point\" cx=\"").append(coordinate(plot.x(x, point.x()))).append("\" cy=\"")
                    .append(coordinate(plot.y(y, point.y()))).append("\" r=\"").append(coordinate(MARKER_RADIUS))
                    .append(one.stroke() == Series.Stroke.DASHED ? "\" fill=\"white\" stroke=\"" : "\" fill=\"")
                    .append(escape(one.colour())).append("\"><title>")
                    .append(escape(point.tip())).append("</title></circle>\n");
        }
        svg.append("</g>\n");
    }

    private void legend(StringBuilder svg, Plot plot) {
        svg.append("<g class=\"legend\">\n");
        double at = plot.left();
        double y = MARGIN_TOP / 2;
        for (Series one : series) {
            svg.append("<line x1=\"").append(coordinate(at)).append("\" y1=\"").append(coordinate(y))
                    .append("\" x2=\"").append(coordinate(at + LEGEND_SWATCH)).append("\" y2=\"")
                    .append(coordinate(y)).append("\" stroke=\"").append(escape(one.colour()))
                    .append("\" stroke-width=\"2\"");
            if (one.stroke() == Series.Stroke.DASHED) {
                svg.append(" stroke-dasharray=\"").append(DASH_PATTERN).append('"');
            }
            svg.append("/>\n");
            text(svg, "label", at + LEGEND_SWATCH + LABEL_GAP, y + CAP_HEIGHT / 2, "start", one.name());
            at += LEGEND_SWATCH + LABEL_GAP + one.name().length() * LEGEND_CHAR_WIDTH + LEGEND_SPACING;
        }
        svg.append("</g>\n");
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2) {
        svg.append("<line x1=\"").append(coordinate(x1)).append("\" y1=\"").append(coordinate(y1)).append("\" x2=\"")
                .append(coordinate(x2)).append("\" y2=\"").append(coordinate(y2)).append("\"/>\n");
    }

    private static void text(StringBuilder svg, String cssClass, double x, double y, String anchor, String text) {
        svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(coordinate(x)).append("\" y=\"")
                .append(coordinate(y)).append("\" text-anchor=\"").append(anchor).append("\">").append(escape(text))
                .append("</text>\n");
    }
}
