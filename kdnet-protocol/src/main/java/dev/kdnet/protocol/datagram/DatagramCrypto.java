package dev.kdnet.protocol.datagram;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens KDNET datagrams (kdnet-wire §2.3, §2.4).
 *
 * <pre>
 * header6   = "MDBG" || version || channel
 * plaintext = be64(seq &lt;&lt; 8 | dir &lt;&lt; 7 | pad) || body || zero[pad]
 * tag       = HMAC-SHA256(H, header6 || plaintext)[0:16]
 * datagram  = header6 || AES-256-CBC(channel key, IV = tag, plaintext) || tag
 * </pre>
 *
 * <p>Opening never throws on network input: it returns an {@link OpenOutcome} that is either the authenticated
 * datagram or a {@link RejectReason}. The tag is compared in constant time, and nothing of the plaintext is looked
 * at before it is verified.
 *
 * <p>Not thread-safe: it owns one JDK {@code Cipher} and {@code Mac}. Use one instance per thread (event loop).
 */
public final class DatagramCrypto {
    /** {@code MDBG}, the first four bytes of every datagram. */
    public static final byte[] MAGIC = {'M', 'D', 'B', 'G'};
    /** Bytes before the ciphertext: magic, version, channel. */
    public static final int CLEAR_HEADER_LENGTH = 6;
    /** Length of the tag (truncated HMAC, also the CBC IV). */
    public static final int TAG_LENGTH = 16;
    /** Smallest valid datagram: clear header, one AES block, tag. */
    public static final int MIN_LENGTH = CLEAR_HEADER_LENGTH + 16 + TAG_LENGTH;
    /**
     * Largest body a peer sends: a KD packet's 16-byte header and PACKET_MAX_SIZE (4000) bytes of payload
     * (kd-protocol §1.3). Control bodies are shorter (344 at most).
     */
    public static final int MAX_BODY_LENGTH = 16 + 4000;
    /**
     * Largest datagram a peer sends, {@value}: the clear header (6), the largest body sealed (8-byte KDNET header +
     * 4016-byte body + 8 pad = 4032, whole AES blocks) and the tag (16). {@link #open} rejects anything longer as
     * {@link RejectReason#OVERSIZED} before reading it.
     */
    public static final int MAX_LENGTH =
            CLEAR_HEADER_LENGTH + (KdnetHeader.LENGTH + MAX_BODY_LENGTH + 15) / 16 * 16 + TAG_LENGTH;

    private final Cipher cipher;
    private final Mac mac;
    private SecretKeySpec macKey;

    /** Creates the JDK cipher objects ({@code AES/CBC/NoPadding}, {@code HmacSHA256}). */
    public DatagramCrypto() {
        try {
            cipher = Cipher.getInstance("AES/CBC/NoPadding");
            mac = Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/CBC/NoPadding or HmacSHA256", e);
        }
    }

    /**
     * Seals {@code datagram} with {@code keys}.
     *
     * @throws IllegalStateException if it is a data datagram and {@code keys} has no data key yet
     */
    public byte[] seal(SessionKeys keys, Datagram datagram) {
        SecretKeySpec aesKey = keys.aesKey(datagram.channel());
        if (aesKey == null) {
            throw new IllegalStateException("cannot seal a data datagram before the data key exists");
        }
        int pad = datagram.padLength();
        int plainLength = KdnetHeader.LENGTH + datagram.bodyLength() + pad;
        byte[] wire = new byte[CLEAR_HEADER_LENGTH + plainLength + TAG_LENGTH];
        System.arraycopy(MAGIC, 0, wire, 0, MAGIC.length);
        wire[4] = (byte) datagram.version();
        wire[5] = (byte) datagram.channel().wireValue();

        byte[] plain = new byte[plainLength];
        ByteBuffer.wrap(plain).putLong(KdnetHeader.pack(datagram.sequence(), datagram.direction(), pad))
                .put(datagram.body());
        byte[] tag = tag(keys, wire, plain);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(tag));
            cipher.doFinal(plain, 0, plainLength, wire, CLEAR_HEADER_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC failed on a whole number of blocks", e);
        }
        System.arraycopy(tag, 0, wire, CLEAR_HEADER_LENGTH + plainLength, TAG_LENGTH);
        return wire;
    }

    /** Opens wire bytes from either direction (for decoders of captures). */
    public OpenOutcome open(SessionKeys keys, byte[] wire) {
        return open(keys, wire, null);
    }

    /**
     * Opens wire bytes, accepting only datagrams sent in direction {@code expected} ({@code null}: either).
     * Never throws on any input.
     */
    public OpenOutcome open(SessionKeys keys, byte[] wire, Direction expected) {
        if (wire.length > MAX_LENGTH) {
            return new OpenOutcome.Rejected(RejectReason.OVERSIZED);
        }
        if (wire.length < MAGIC.length || !Arrays.equals(wire, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return new OpenOutcome.Rejected(RejectReason.BAD_MAGIC);
        }
        if (wire.length < MIN_LENGTH || (wire.length - CLEAR_HEADER_LENGTH - TAG_LENGTH) % 16 != 0) {
            return new OpenOutcome.Rejected(RejectReason.BAD_LENGTH);
        }
        Channel channel = Channel.fromWire(wire[5] & 0xFF);
        if (channel == null) {
            return new OpenOutcome.Rejected(RejectReason.UNKNOWN_CHANNEL);
        }
        SecretKeySpec aesKey = keys.aesKey(channel);
        if (aesKey == null) {
            return new OpenOutcome.Rejected(RejectReason.NO_DATA_KEY);
        }
        int plainLength = wire.length - CLEAR_HEADER_LENGTH - TAG_LENGTH;
        byte[] plain;
        try {
            cipher.init(Cipher.DECRYPT_MODE, aesKey,
                    new IvParameterSpec(wire, CLEAR_HEADER_LENGTH + plainLength, TAG_LENGTH));
            plain = cipher.doFinal(wire, CLEAR_HEADER_LENGTH, plainLength);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC failed on a whole number of blocks", e);
        }
        byte[] tag = tag(keys, wire, plain);
        if (!MessageDigest.isEqual(tag, Arrays.copyOfRange(wire, wire.length - TAG_LENGTH, wire.length))) {
            return new OpenOutcome.Rejected(RejectReason.HMAC_MISMATCH);
        }
        return parsePlaintext(wire[4] & 0xFF, channel, plain, expected);
    }

    private static OpenOutcome parsePlaintext(int version, Channel channel, byte[] plain, Direction expected) {
        long header = ByteBuffer.wrap(plain).getLong();
        int pad = KdnetHeader.padLength(header);
        int bodyEnd = plain.length - pad;
        if (pad > 15 || bodyEnd < KdnetHeader.LENGTH || !allZero(plain, bodyEnd, plain.length)) {
            return new OpenOutcome.Rejected(RejectReason.BAD_PADDING);
        }
        Direction direction = KdnetHeader.direction(header);
        if (expected != null && direction != expected) {
            return new OpenOutcome.Rejected(RejectReason.WRONG_DIRECTION);
        }
        byte[] body = Arrays.copyOfRange(plain, KdnetHeader.LENGTH, bodyEnd);
        return new OpenOutcome.Opened(new Datagram(version, channel, KdnetHeader.sequence(header), direction, body));
    }

    private byte[] tag(SessionKeys keys, byte[] wire, byte[] plain) {
        try {
            if (macKey != keys.hmacKey()) {
                mac.init(keys.hmacKey());
                macKey = keys.hmacKey();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 rejected a 32-byte key", e);
        }
        mac.update(wire, 0, CLEAR_HEADER_LENGTH);
        mac.update(plain);
        return Arrays.copyOf(mac.doFinal(), TAG_LENGTH);
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        int acc = 0;
        for (int i = from; i < to; i++) {
            acc |= bytes[i];
        }
        return acc == 0;
    }
}
