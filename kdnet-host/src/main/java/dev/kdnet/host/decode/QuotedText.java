package dev.kdnet.host.decode;

/** Quotes text that came from the target so that one datagram stays one printable line. */
final class QuotedText {
    private QuotedText() {
    }

    /**
     * The text in single quotes: backslash and quote escaped, newline, carriage return and tab as {@code \n},
     * {@code \r}, {@code \t}, every other character outside printable ASCII as {@code \xNN} (or a Java-style
     * u-escape above 0xFF).
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7F) {
                        out.append(c);
                    } else if (c <= 0xFF) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return out.append('\'').toString();
    }
}
