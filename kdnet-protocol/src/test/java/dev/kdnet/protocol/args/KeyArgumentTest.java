package dev.kdnet.protocol.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.key.KdnetKey;
import org.junit.jupiter.api.Test;

/** A key as the user writes it; a bad one is a usage mistake in KdnetKey's words. */
class KeyArgumentTest {
    private static final String KEY = "1m770ts6ru0p.3671pemyie4i.2b8djy3wt5et.1p99ir125v4q";

    @Test
    void readsAKeyInAnyCase() {
        assertThat(KeyArgument.parse(KEY.toUpperCase())).isEqualTo(KdnetKey.parse(KEY));
    }

    @Test
    void aBadKeyIsAUsageMistakeNamingThePart() {
        assertThatThrownBy(() -> KeyArgument.parse("1.2.3")).isInstanceOf(UsageException.class)
                .hasMessage("key has 3 parts; expected 4 base-36 parts separated by dots (w.x.y.z)");
        assertThatThrownBy(() -> KeyArgument.parse("1.2.3.4!")).isInstanceOf(UsageException.class)
                .hasMessage("key part 4 \"4!\" contains '!'; only digits 0-9 and letters a-z are allowed");
    }
}
