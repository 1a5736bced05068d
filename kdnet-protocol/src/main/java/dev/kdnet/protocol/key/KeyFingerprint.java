package dev.kdnet.protocol.key;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short, non-reversible identifiers for key material, fit for logs and {@code toString()}. */
final class KeyFingerprint {
    private static final byte[] DOMAIN = "kdnet key fingerprint".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private KeyFingerprint() {
    }

    /** First 4 bytes of SHA-256(domain || key) in hex. */
    static String of(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(DOMAIN);
            byte[] digest = sha.digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
