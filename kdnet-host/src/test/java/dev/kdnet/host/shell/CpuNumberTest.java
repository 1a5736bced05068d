package dev.kdnet.host.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpuNumberTest {
    @Test
    void aCpuOfTheTargetIsItsNumber() {
        assertThat(CpuNumber.parse("0", 1)).isZero();
        assertThat(CpuNumber.parse("3", 4)).isEqualTo(3);
    }

    @Test
    void aCpuTheTargetDoesNotHaveSaysWhichItHas() {
        assertThatThrownBy(() -> CpuNumber.parse("1", 1)).isInstanceOf(ShellException.class)
                .hasMessage("no CPU 1: the target has 1 CPU (0)");
        assertThatThrownBy(() -> CpuNumber.parse("4", 4)).hasMessage("no CPU 4: the target has 4 CPUs (0-3)");
    }

    @Test
    void textThatIsNotANumberSaysSoWithoutJava() {
        assertThatThrownBy(() -> CpuNumber.parse("1s", 2)).hasMessage(
                "\"1s\" is not a CPU number: the target has 2 CPUs (0-1)");
        assertThatThrownBy(() -> CpuNumber.parse("99999999999", 2)).hasMessageStartingWith(
                "\"99999999999\" is not a CPU number");
    }
}
