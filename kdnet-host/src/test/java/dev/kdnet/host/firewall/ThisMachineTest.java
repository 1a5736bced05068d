package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the effective user id from /proc/self/status's text. */
class ThisMachineTest {

    @Test
    void theEffectiveIdIsTheSecondOfTheUidLine() {
        assertThat(ThisMachine.effectiveUid("Name:\tjava\nUid:\t1000\t0\t1000\t1000\nGid:\t0\t0\t0\t0\n"))
                .hasValue(0);
        assertThat(ThisMachine.effectiveUid("Uid:\t0\t1000\t0\t0\n")).hasValue(1000);
    }

    @Test
    void withoutAUidLineItCannotTell() {
        assertThat(ThisMachine.effectiveUid("Name:\tjava\n")).isEmpty();
    }
}
