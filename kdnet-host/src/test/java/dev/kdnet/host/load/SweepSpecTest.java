package dev.kdnet.host.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SweepSpecTest {
    @Test
    void aSweepNamesItsParameterAndValuesInOrder() {
        SweepSpec sweep = SweepSpec.parse("delay=0ms,0.25ms, 1ms");

        assertThat(sweep.parameter()).isEqualTo(SweepSpec.Parameter.DELAY);
        assertThat(sweep.values()).containsExactly("0ms", "0.25ms", "1ms");
    }

    @Test
    void anUnknownParameterNamesTheChoices() {
        assertThatThrownBy(() -> SweepSpec.parse("targets=1,2"))
                .hasMessage("--sweep targets=1,2: targets is not one of delay, loss, request-size");
        assertThatThrownBy(() -> SweepSpec.parse("delay"))
                .hasMessage("--sweep delay: expected PARAMETER=V1,V2,... with PARAMETER one of delay, loss,"
                        + " request-size");
    }
}
