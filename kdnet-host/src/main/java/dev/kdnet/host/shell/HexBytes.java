package dev.kdnet.host.shell;

/** Byte formatting shared by the memory displays. */
final class HexBytes {
    private HexBytes() {
    }

    /** {@code count} bytes from {@code offset} as {@code "4d 5a 90"}. */
    static String spaced(byte[] bytes, int offset, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[offset + i] & 0xFF));
        }
        return text.toString();
    }

    /** The printable ASCII of {@code count} bytes, dots elsewhere. */
    static String ascii(byte[] bytes, int offset, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int b = bytes[offset + i] & 0xFF;
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return text.toString();
    }
}
