package dev.kdnet.protocol.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LoadPatternTest {
    private static final long SEED = 42;
    private static final long ADDRESS = LoadPattern.REGION_BASE + 0x1234;

    @Test
    void theSameSeedAndAddressGiveTheSameByte() {
        assertThat(LoadPattern.byteAt(SEED, ADDRESS)).isEqualTo(LoadPattern.byteAt(SEED, ADDRESS));
    }

    @Test
    void anotherSeedGivesOtherBytes() {
        byte[] one = new byte[64];
        byte[] other = new byte[64];
        LoadPattern.fill(SEED, ADDRESS, one, 0, one.length);
        LoadPattern.fill(SEED + 1, ADDRESS, other, 0, other.length);
        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void neighbouringWordsDiffer() {
        byte[] words = new byte[16];
        LoadPattern.fill(SEED, LoadPattern.REGION_BASE, words, 0, words.length);
        assertThat(Arrays.copyOfRange(words, 0, 8)).isNotEqualTo(Arrays.copyOfRange(words, 8, 16));
    }

    @Test
    void fillAtAnOffsetMatchesByteAt() {
        byte[] data = new byte[20];
        LoadPattern.fill(SEED, ADDRESS, data, 4, 16);
        for (int i = 0; i < 16; i++) {
            assertThat(data[4 + i]).isEqualTo(LoadPattern.byteAt(SEED, ADDRESS + i));
        }
    }

    @Test
    void mismatchesCountsEveryChangedByte() {
        byte[] data = new byte[100];
        LoadPattern.fill(SEED, ADDRESS, data, 0, data.length);
        assertThat(LoadPattern.mismatches(SEED, ADDRESS, data)).isZero();
        data[3] ^= 1;
        data[77] ^= (byte) 0x80;
        assertThat(LoadPattern.mismatches(SEED, ADDRESS, data)).isEqualTo(2);
        assertThat(LoadPattern.mismatches(SEED, ADDRESS + 1, data)).isGreaterThan(90);
    }

    @Test
    void theRegionIsTheUpperHalfOf256MiB() {
        assertThat(LoadPattern.inRegion(LoadPattern.REGION_BASE)).isTrue();
        assertThat(LoadPattern.inRegion(LoadPattern.REGION_BASE - 1)).isFalse();
        assertThat(LoadPattern.inRegion(LoadPattern.REGION_END - 1)).isTrue();
        assertThat(LoadPattern.inRegion(LoadPattern.REGION_END)).isFalse();
        assertThat(LoadPattern.REGION_END).isEqualTo(256L << 20);
    }
}
