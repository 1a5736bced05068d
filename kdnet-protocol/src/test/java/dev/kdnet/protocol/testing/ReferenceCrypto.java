package dev.kdnet.protocol.testing;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * An independent KDNET sealer built on BouncyCastle's lightweight AES, CBC and HMAC (not the JDK providers), used
 * to check the production path and to build datagrams the production sealer refuses to make (e.g. bad padding).
 */
public final class ReferenceCrypto {
    private ReferenceCrypto() {
    }

    /** Seals an arbitrary plaintext (header, body and pad already laid out) with the given version and channel. */
    public static byte[] seal(byte[] aesKey, byte[] hmacKey, int version, int channel, byte[] plaintext) {
        byte[] header6 = {'M', 'D', 'B', 'G', (byte) version, (byte) channel};
        HMac hmac = new HMac(SHA256Digest.newInstance());
        hmac.init(new KeyParameter(hmacKey));
        hmac.update(header6, 0, 6);
        hmac.update(plaintext, 0, plaintext.length);
        byte[] mac = new byte[32];
        hmac.doFinal(mac, 0);
        byte[] tag = Arrays.copyOf(mac, 16);
        byte[] cipher = cbc(true, aesKey, tag, plaintext);
        byte[] wire = new byte[6 + cipher.length + 16];
        System.arraycopy(header6, 0, wire, 0, 6);
        System.arraycopy(cipher, 0, wire, 6, cipher.length);
        System.arraycopy(tag, 0, wire, 6 + cipher.length, 16);
        return wire;
    }

    /** Decrypts the ciphertext of a datagram (no verification). */
    public static byte[] decrypt(byte[] aesKey, byte[] wire) {
        byte[] iv = Arrays.copyOfRange(wire, wire.length - 16, wire.length);
        return cbc(false, aesKey, iv, Arrays.copyOfRange(wire, 6, wire.length - 16));
    }

    /** Lays out a KDNET plaintext: be64(seq << 8 | dir << 7 | pad) || body || zero pad. */
    public static byte[] plaintext(long sequence, boolean toTarget, byte[] body) {
        int pad = (16 - (8 + body.length) % 16) % 16;
        byte[] plain = new byte[8 + body.length + pad];
        long header = sequence << 8 | (toTarget ? 0x80 : 0) | pad;
        for (int i = 0; i < 8; i++) {
            plain[i] = (byte) (header >>> (56 - 8 * i));
        }
        System.arraycopy(body, 0, plain, 8, body.length);
        return plain;
    }

    private static byte[] cbc(boolean encrypt, byte[] key, byte[] iv, byte[] input) {
        CBCBlockCipher cbc = (CBCBlockCipher) CBCBlockCipher.newInstance(AESEngine.newInstance());
        cbc.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[input.length];
        for (int off = 0; off < input.length; off += 16) {
            cbc.processBlock(input, off, out, off);
        }
        return out;
    }
}
