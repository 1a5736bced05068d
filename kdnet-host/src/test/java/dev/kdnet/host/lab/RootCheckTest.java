package dev.kdnet.host.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RootCheckTest {
    @Test
    void theEffectiveUserIdDecidesNotTheRealOne() {
        assertThat(RootCheck.effectiveUidIsZero("Name:\tjava\nUid:\t1000\t0\t0\t0\nGid:\t0\t0\t0\t0\n")).isTrue();
        assertThat(RootCheck.effectiveUidIsZero("Name:\tjava\nUid:\t0\t1000\t1000\t1000\n")).isFalse();
        assertThat(RootCheck.effectiveUidIsZero("no uid here")).isFalse();
    }
}
