package dev.kdnet.protocol.datagram;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
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
 * <p>Not thread-safe: it owns JDK {@code Cipher}s (one per channel and mode, each initialised again only when its
 * key changes), a {@code Mac} and scratch arrays. Use one instance per thread (event loop).
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

    private static final IvParameterSpec ZERO_IV = new IvParameterSpec(new byte[16]);
    private static final int HMAC_LENGTH = 32;

    private final KeyedCipher[] encrypt = {new KeyedCipher(Cipher.ENCRYPT_MODE), new KeyedCipher(Cipher.ENCRYPT_MODE)};
    private final KeyedCipher[] decrypt = {new KeyedCipher(Cipher.DECRYPT_MODE), new KeyedCipher(Cipher.DECRYPT_MODE)};
    private final Mac mac;
    private SecretKeySpec macKey;
    private final byte[] clearHeader = new byte[CLEAR_HEADER_LENGTH];
    private final byte[] hmac = new byte[HMAC_LENGTH];
    private byte[] scratch = new byte[MAX_LENGTH];

    /** Creates the JDK cipher objects ({@code AES/CBC/NoPadding}, {@code HmacSHA256}). */
    public DatagramCrypto() {
        try {
            mac = Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    /**
     * Seals {@code datagram} with {@code keys}. The plaintext is built in a scratch array this instance reuses; the
     * returned array (the wire bytes) is the only one allocated.
     *
     * @throws IllegalStateException if it is a data datagram and {@code keys} has no data key yet
     */
    public byte[] seal(SessionKeys keys, Datagram datagram) {
        SecretKeySpec aesKey = keys.aesKey(datagram.channel());
        if (aesKey == null) {
            throw new IllegalStateException("cannot seal a data datagram before the data key exists");
        }
        int pad = datagram.padLength();
        int bodyLength = datagram.bodyLength();
        int plainLength = KdnetHeader.LENGTH + bodyLength + pad;
        byte[] wire = new byte[CLEAR_HEADER_LENGTH + plainLength + TAG_LENGTH];
        if (plainLength > scratch.length) {
            scratch = new byte[plainLength];
        }
        System.arraycopy(MAGIC, 0, wire, 0, MAGIC.length);
        wire[4] = (byte) datagram.version();
        wire[5] = (byte) datagram.channel().wireValue();

        ByteBuffer.wrap(scratch).putLong(KdnetHeader.pack(datagram.sequence(), datagram.direction(), pad))
                .put(datagram.body());
        Arrays.fill(scratch, KdnetHeader.LENGTH + bodyLength, plainLength, (byte) 0);
        tag(keys, wire, 0, scratch, plainLength);
        xorFirstBlock(scratch, hmac);
        try {
            encrypt[datagram.channel().wireValue()].with(aesKey)
                    .doFinal(scratch, 0, plainLength, wire, CLEAR_HEADER_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC failed on a whole number of blocks", e);
        }
        System.arraycopy(hmac, 0, wire, CLEAR_HEADER_LENGTH + plainLength, TAG_LENGTH);
        return wire;
    }

    /** Opens the remaining bytes of {@code wire} from either direction (for decoders of captures). */
    public OpenOutcome open(SessionKeys keys, ByteBuffer wire) {
        return open(keys, wire, null);
    }

    /**
     * Opens the remaining bytes of {@code wire} (its position is left alone), accepting only datagrams sent in
     * direction {@code expected} ({@code null}: either). Never throws on any input.
     *
     * <p>The decryption writes the plaintext into a new array, the only copy of the datagram's bytes this makes:
     * the opened datagram's body is a read-only view of that array, and so is everything decoded from it. A wire
     * buffer without an array (Netty's direct receive buffers) is first copied, still encrypted, into a scratch
     * array this instance reuses, since the JDK's AES works on arrays.
     */
    public OpenOutcome open(SessionKeys keys, ByteBuffer wire, Direction expected) {
        int length = wire.remaining();
        int base = wire.position();
        if (length > MAX_LENGTH) {
            return new OpenOutcome.Rejected(RejectReason.OVERSIZED);
        }
        if (length < MAGIC.length || !hasMagic(wire, base)) {
            return new OpenOutcome.Rejected(RejectReason.BAD_MAGIC);
        }
        if (length < MIN_LENGTH || (length - CLEAR_HEADER_LENGTH - TAG_LENGTH) % 16 != 0) {
            return new OpenOutcome.Rejected(RejectReason.BAD_LENGTH);
        }
        Channel channel = Channel.fromWire(wire.get(base + 5) & 0xFF);
        if (channel == null) {
            return new OpenOutcome.Rejected(RejectReason.UNKNOWN_CHANNEL);
        }
        SecretKeySpec aesKey = keys.aesKey(channel);
        if (aesKey == null) {
            return new OpenOutcome.Rejected(RejectReason.NO_DATA_KEY);
        }
        int plainLength = length - CLEAR_HEADER_LENGTH - TAG_LENGTH;
        byte[] ciphertext = scratch;
        int cipherOffset = 0;
        if (wire.hasArray()) {
            ciphertext = wire.array();
            cipherOffset = wire.arrayOffset() + base + CLEAR_HEADER_LENGTH;
        } else {
            wire.get(base + CLEAR_HEADER_LENGTH, scratch, 0, plainLength);
        }
        byte[] plain = new byte[plainLength];
        try {
            decrypt[channel.wireValue()].with(aesKey).doFinal(ciphertext, cipherOffset, plainLength, plain, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC failed on a whole number of blocks", e);
        }
        int tagAt = base + length - TAG_LENGTH;
        for (int i = 0; i < TAG_LENGTH; i++) {
            plain[i] ^= wire.get(tagAt + i);
        }
        wire.get(base, clearHeader);
        tag(keys, clearHeader, 0, plain, plainLength);
        if (!tagMatches(wire, tagAt)) {
            return new OpenOutcome.Rejected(RejectReason.HMAC_MISMATCH);
        }
        return parsePlaintext(clearHeader[4] & 0xFF, channel, plain, expected);
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
        ByteBuffer body = ByteBuffer.wrap(plain, KdnetHeader.LENGTH, bodyEnd - KdnetHeader.LENGTH);
        return new OpenOutcome.Opened(new Datagram(version, channel, KdnetHeader.sequence(header), direction, body));
    }

    private static boolean hasMagic(ByteBuffer wire, int base) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (wire.get(base + i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** HMAC-SHA256(H, header6 || plaintext) into {@link #hmac}; its first 16 bytes are the tag. */
    private void tag(SessionKeys keys, byte[] header, int headerOffset, byte[] plain, int plainLength) {
        try {
            if (macKey != keys.hmacKey()) {
                mac.init(keys.hmacKey());
                macKey = keys.hmacKey();
            }
            mac.update(header, headerOffset, CLEAR_HEADER_LENGTH);
            mac.update(plain, 0, plainLength);
            mac.doFinal(hmac, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 rejected a 32-byte key or its output buffer", e);
        }
    }

    /** Compares the computed tag with the datagram's in constant time. */
    private boolean tagMatches(ByteBuffer wire, int tagAt) {
        int difference = 0;
        for (int i = 0; i < TAG_LENGTH; i++) {
            difference |= hmac[i] ^ wire.get(tagAt + i);
        }
        return difference == 0;
    }

    /**
     * CBC with IV v encrypts the first block as E(P1 xor v): XORing the tag into the first plaintext block and
     * running a cipher initialised once with a zero IV gives the same ciphertext as initialising it with the tag
     * for every datagram, and saves the AES key schedule that each {@code init} recomputes.
     */
    private static void xorFirstBlock(byte[] block, byte[] iv) {
        for (int i = 0; i < TAG_LENGTH; i++) {
            block[i] ^= iv[i];
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        int acc = 0;
        for (int i = from; i < to; i++) {
            acc |= bytes[i];
        }
        return acc == 0;
    }

    /** An AES/CBC/NoPadding cipher for one mode, initialised (zero IV) again only when the key changes. */
    private static final class KeyedCipher {
        private final int mode;
        private final Cipher cipher;
        private SecretKeySpec key;

        KeyedCipher(int mode) {
            this.mode = mode;
            try {
                cipher = Cipher.getInstance("AES/CBC/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks AES/CBC/NoPadding", e);
            }
        }

        Cipher with(SecretKeySpec aesKey) throws GeneralSecurityException {
            if (key != aesKey) {
                cipher.init(mode, aesKey, ZERO_IV);
                key = aesKey;
            }
            return cipher;
        }
    }
}
