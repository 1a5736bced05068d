package dev.kdnet.protocol.key;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A KDNET key as bcdedit writes it: {@code w.x.y.z}, four base-36 parts of 1 to 13 characters, each an unsigned
 * 64-bit value. The 32-byte root key K is the four values written little-endian one after the other, and the
 * HMAC key H is K with every bit inverted (kdnet-wire §2.1, §2.2).
 *
 * <p>Immutable. {@link #toString()} shows only a fingerprint, never the key.
 */
public final class KdnetKey {
    /** Number of dot-separated parts in a key string. */
    public static final int PARTS = 4;
    /** Longest allowed part, in characters. */
    public static final int MAX_PART_CHARS = 13;
    /** Length of the root key and the HMAC key in bytes. */
    public static final int KEY_BYTES = 32;

    private final long[] parts;
    private final byte[] rootKey;

    private KdnetKey(long[] parts) {
        this.parts = parts.clone();
        this.rootKey = new byte[KEY_BYTES];
        for (int i = 0; i < PARTS; i++) {
            long v = parts[i];
            for (int b = 0; b < Long.BYTES; b++) {
                rootKey[i * Long.BYTES + b] = (byte) (v >>> (8 * b));
            }
        }
    }

    /**
     * Parses a key string, case-insensitively.
     *
     * @throws KeyFormatException naming the part and the rule, e.g.
     *     {@code key part 3 "zzzzzzzzzzzzzz" has 14 characters; at most 13}
     */
    public static KdnetKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new KeyFormatException("key is empty; expected four base-36 parts like 1a2b3c.4d5e6f.7g8h9i.0j1k2l");
        }
        String[] split = text.trim().split("\\.", -1);
        if (split.length != PARTS) {
            throw new KeyFormatException("key has " + split.length + " part" + (split.length == 1 ? "" : "s")
                    + "; expected 4 base-36 parts separated by dots (w.x.y.z)");
        }
        long[] values = new long[PARTS];
        for (int i = 0; i < PARTS; i++) {
            values[i] = parsePart(i + 1, split[i]);
        }
        return new KdnetKey(values);
    }

    private static long parsePart(int number, String part) {
        String label = "key part " + number + " \"" + part + "\"";
        if (part.isEmpty()) {
            throw new KeyFormatException("key part " + number + " is empty; each part needs 1 to 13 base-36 characters");
        }
        if (part.length() > MAX_PART_CHARS) {
            throw new KeyFormatException(label + " has " + part.length() + " characters; at most " + MAX_PART_CHARS);
        }
        for (int c = 0; c < part.length(); c++) {
            char ch = part.charAt(c);
            if (Character.digit(ch, 36) < 0 || ch > 'z') {
                throw new KeyFormatException(label + " contains '" + ch + "'; only digits 0-9 and letters a-z are allowed");
            }
        }
        try {
            return Long.parseUnsignedLong(part.toLowerCase(Locale.ROOT), 36);
        } catch (NumberFormatException tooLarge) {
            throw new KeyFormatException(label + " is larger than 2^64-1 (the largest part is 3w5e11264sgsf)");
        }
    }

    /** Returns a fresh key of four random 64-bit parts from a {@link SecureRandom}. */
    public static KdnetKey generate() {
        return generate(new SecureRandom());
    }

    /** Returns a key of four random 64-bit parts drawn from {@code random}. */
    public static KdnetKey generate(RandomGenerator random) {
        long[] values = new long[PARTS];
        for (int i = 0; i < PARTS; i++) {
            values[i] = random.nextLong();
        }
        return new KdnetKey(values);
    }

    /** The key string in canonical form: lower-case base-36 parts without leading zeros. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < PARTS; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(Long.toUnsignedString(parts[i], 36));
        }
        return out.toString();
    }

    /** The 32-byte root key K (a copy). */
    public byte[] rootKey() {
        return rootKey.clone();
    }

    /** The 32-byte HMAC key H = NOT K (a copy). */
    public byte[] hmacKey() {
        byte[] h = rootKey.clone();
        for (int i = 0; i < h.length; i++) {
            h[i] = (byte) ~h[i];
        }
        return h;
    }

    /** A short fingerprint that identifies the key in logs without revealing it. */
    public String fingerprint() {
        return KeyFingerprint.of(rootKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KdnetKey other && Arrays.equals(parts, other.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        return "KdnetKey[fingerprint=" + fingerprint() + "]";
    }
}
