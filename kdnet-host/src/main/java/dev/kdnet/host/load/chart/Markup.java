package dev.kdnet.host.load.chart;

import java.util.Locale;

/** Text made safe for HTML and SVG, in element content and in quoted attribute values alike. */
public final class Markup {
    private Markup() {
    }

    /**
     * Escapes the five characters that could end text or an attribute and start markup.
     *
     * @param text any text, e.g. a label from the command line
     * @return the text with {@code & < > " '} replaced by character references
     */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A coordinate in SVG user units, one decimal, never in a locale's notation. */
    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
