package dev.kdnet.protocol.testing;

import java.util.HexFormat;

/** Hex helpers for tests: whitespace in hex strings is ignored. */
public final class Hex {
    private Hex() {
    }

    /** Parses hex, ignoring spaces and line breaks. */
    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /** Formats bytes as lower-case hex. */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
