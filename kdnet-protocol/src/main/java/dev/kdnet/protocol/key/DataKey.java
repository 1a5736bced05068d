package dev.kdnet.protocol.key;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The data-channel key D = SHA-256(K || R), where R is the 322-byte body of the host's control response exactly
 * as sent (kdnet-wire §2.6). Both sides derive it: the host when it sends the response, the target when it
 * accepts it.
 *
 * <p>Immutable. {@link #toString()} shows only a fingerprint.
 */
public final class DataKey {
    private final byte[] key;

    private DataKey(byte[] key) {
        this.key = key;
    }

    /** Derives D from the root key of {@code key} and the response body {@code responseBody}. */
    public static DataKey derive(KdnetKey key, byte[] responseBody) {
        return derive(key, ByteBuffer.wrap(responseBody));
    }

    /**
     * Derives D from the root key of {@code key} and the remaining bytes of {@code responseBody} (its position is
     * left alone), such as an opened response's body view.
     */
    public static DataKey derive(KdnetKey key, ByteBuffer responseBody) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key.rootKey());
            sha.update(responseBody.duplicate());
            return new DataKey(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The 32 key bytes (a copy). */
    public byte[] bytes() {
        return key.clone();
    }

    /** A short fingerprint that identifies the key in logs without revealing it. */
    public String fingerprint() {
        return KeyFingerprint.of(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataKey other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "DataKey[fingerprint=" + fingerprint() + "]";
    }
}
