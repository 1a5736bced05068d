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
    void onlyDelayAndLossAreCarriedByTheRelays() {
        assertThat(SweepSpec.parse("delay=1ms").parameter().impairs()).isTrue();
        assertThat(SweepSpec.parse("loss=1%").parameter().impairs()).isTrue();
        assertThat(SweepSpec.parse("targets=1,40").parameter().impairs()).isFalse();
        assertThat(SweepSpec.parse("request-size=8").parameter().impairs()).isFalse();
    }

    @Test
    void anUnknownParameterNamesTheChoices() {
        assertThatThrownBy(() -> SweepSpec.parse("jitter=1ms,2ms"))
                .hasMessage("--sweep jitter=1ms,2ms: jitter is not one of delay, loss, request-size, targets");
        assertThatThrownBy(() -> SweepSpec.parse("delay"))
                .hasMessage("--sweep delay: expected PARAMETER=V1,V2,... with PARAMETER one of delay, loss,"
                        + " request-size, targets");
    }
}
