package dev.kdnet.protocol.key;

import static dev.kdnet.protocol.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.testing.Hex;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KdnetKeyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "8.8.8.8, 0800000000000000080000000000000008000000000000000800000000000000",
        "1.2.3.4, 0100000000000000020000000000000003000000000000000400000000000000",
        "17890.af3489a.9345kjm.lio147, 84c61e0000000000ce21d6470500000042f7f19a04000000a7e18d4d00000000",
        "1m770ts6ru0p.3671pemyie4i.2b8djy3wt5et.1p99ir125v4q,"
                + " b9569fcc7cf9f30202b242b33852cb05a5ac940b08223904da42f63667b01b03",
    })
    void rootKeyIsTheFourPartsLittleEndian(String key, String rootHex) {
        assertThat(KdnetKey.parse(key).rootKey()).isEqualTo(bytes(rootHex));
    }

    @Test
    void hmacKeyIsTheRootKeyInverted() {
        assertThat(Hex.of(KdnetKey.parse("8.8.8.8").hmacKey()))
                .isEqualTo("f7fffffffffffffff7fffffffffffffff7fffffffffffffff7ffffffffffffff");
        assertThat(Hex.of(KdnetKey.parse("1.2.3.4").hmacKey()))
                .isEqualTo("fefffffffffffffffdfffffffffffffffcfffffffffffffffbffffffffffffff");
    }

    @Test
    void upperCaseIsAcceptedAndFormatIsLowerCase() {
        KdnetKey key = KdnetKey.parse("17890.AF3489A.9345KJM.LIO147");
        assertThat(key).isEqualTo(KdnetKey.parse("17890.af3489a.9345kjm.lio147"));
        assertThat(key.format()).isEqualTo("17890.af3489a.9345kjm.lio147");
    }

    @Test
    void largestPartIsAcceptedAndOneMoreIsNot() {
        assertThat(KdnetKey.parse("3w5e11264sgsf.0.0.0").rootKey()).startsWith(bytes("ffffffffffffffff"));
        assertThatThrownBy(() -> KdnetKey.parse("1.2.3w5e11264sgsg.4"))
                .isInstanceOf(KeyFormatException.class)
                .hasMessage("key part 3 \"3w5e11264sgsg\" is larger than 2^64-1 (the largest part is 3w5e11264sgsf)");
    }

    @Test
    void errorsNameThePartAndTheRule() {
        assertThatThrownBy(() -> KdnetKey.parse("1.2.zzzzzzzzzzzzzz.4"))
                .hasMessage("key part 3 \"zzzzzzzzzzzzzz\" has 14 characters; at most 13");
        assertThatThrownBy(() -> KdnetKey.parse("1.2.3"))
                .hasMessage("key has 3 parts; expected 4 base-36 parts separated by dots (w.x.y.z)");
        assertThatThrownBy(() -> KdnetKey.parse("1..3.4"))
                .hasMessage("key part 2 is empty; each part needs 1 to 13 base-36 characters");
        assertThatThrownBy(() -> KdnetKey.parse("1.2.3.4-5"))
                .hasMessage("key part 4 \"4-5\" contains '-'; only digits 0-9 and letters a-z are allowed");
        assertThatThrownBy(() -> KdnetKey.parse("1.2.3.٤"))
                .hasMessageContaining("only digits 0-9 and letters a-z");
        assertThatThrownBy(() -> KdnetKey.parse("  "))
                .hasMessageStartingWith("key is empty");
    }

    @Test
    void generatedKeysRoundTripThroughTheirString() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 1000; i++) {
            KdnetKey key = KdnetKey.generate(random);
            assertThat(KdnetKey.parse(key.format())).as("seed 42, key %d", i).isEqualTo(key);
        }
        assertThat(KdnetKey.generate()).isNotEqualTo(KdnetKey.generate());
    }

    @Test
    void toStringNeverShowsTheKey() {
        KdnetKey key = KdnetKey.parse("1m770ts6ru0p.3671pemyie4i.2b8djy3wt5et.1p99ir125v4q");
        String text = key.toString();
        assertThat(text).doesNotContain("1m770ts6ru0p").doesNotContain("b9569fcc")
                .matches("KdnetKey\\[fingerprint=[0-9a-f]{8}]");
        assertThat(text).isEqualTo(KdnetKey.parse(key.format()).toString());
    }

    @Test
    void dataKeyIsSha256OfRootKeyAndResponseBody() {
        String responseBody = "0102c19792dfac7aa1dfe007010018000b00240005000000070088f7570043a12600"
                + "41b4fa1b2ddd14ee3eeb8db987c0c7257ce62eef126ab74ef212136c100c540b" + "00".repeat(256);
        DataKey dataKey = DataKey.derive(KdnetKey.parse("8.8.8.8"), bytes(responseBody));
        assertThat(Hex.of(dataKey.bytes()))
                .isEqualTo("6bd91c57bd6a551ad30b509c05c0c95b32cc5e47a0866907eaf0b1583384f660");
        assertThat(dataKey.toString()).doesNotContain("6bd91c57").startsWith("DataKey[fingerprint=");
    }
}
