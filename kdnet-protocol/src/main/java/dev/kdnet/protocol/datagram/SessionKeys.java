package dev.kdnet.protocol.datagram;

import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.key.KdnetKey;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys one KDNET session seals and opens with: root key K (control channel), HMAC key H (both channels) and,
 * once the handshake is done, the data key D (data channel). Immutable; {@link #withDataKey} gives the keys of the
 * keyed session.
 */
public final class SessionKeys {
    private final KdnetKey key;
    private final DataKey dataKey;
    private final SecretKeySpec rootAes;
    private final SecretKeySpec hmac;
    private final SecretKeySpec dataAes;

    private SessionKeys(KdnetKey key, DataKey dataKey, SecretKeySpec rootAes, SecretKeySpec hmac) {
        this.key = key;
        this.dataKey = dataKey;
        this.rootAes = rootAes;
        this.hmac = hmac;
        this.dataAes = dataKey == null ? null : new SecretKeySpec(dataKey.bytes(), "AES");
    }

    /** Keys of a session that has no data key yet. */
    public static SessionKeys of(KdnetKey key) {
        Objects.requireNonNull(key, "key");
        return new SessionKeys(key, null, new SecretKeySpec(key.rootKey(), "AES"),
                new SecretKeySpec(key.hmacKey(), "HmacSHA256"));
    }

    /** The same root and HMAC keys with data key {@code dataKey}. */
    public SessionKeys withDataKey(DataKey dataKey) {
        return new SessionKeys(key, Objects.requireNonNull(dataKey, "dataKey"), rootAes, hmac);
    }

    /** The user's key this session was built from. */
    public KdnetKey key() {
        return key;
    }

    /** The data key, if the handshake has produced one. */
    public Optional<DataKey> dataKey() {
        return Optional.ofNullable(dataKey);
    }

    SecretKeySpec aesKey(Channel channel) {
        return channel == Channel.CONTROL ? rootAes : dataAes;
    }

    SecretKeySpec hmacKey() {
        return hmac;
    }

    @Override
    public String toString() {
        return "SessionKeys[key=" + key.fingerprint() + ", data=" + (dataKey == null ? "none" : dataKey.fingerprint())
                + "]";
    }
}
