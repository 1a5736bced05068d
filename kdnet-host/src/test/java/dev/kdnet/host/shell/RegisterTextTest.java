package dev.kdnet.host.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegisterTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "00000242 | iopl=0         nv up ei pl zr na po nc",
        "00000246 | iopl=0         nv up ei pl zr na pe nc",
        "00000202 | iopl=0         nv up ei pl nz na po nc",
        "00000082 | iopl=0         nv up di ng nz na po nc",
        "00000ed5 | iopl=0         ov dn ei ng zr ac pe cy",
        "00003002 | iopl=3         nv up di pl nz na po nc",
        "00010202 | iopl=0 rf      nv up ei pl nz na po nc",
        "00184202 | iopl=0 vip vif nt nv up ei pl nz na po nc"})
    void flagsLineNamesEveryFlagAsWindbgDoes(String eflags, String expected) {
        assertThat(RegisterText.flags(Long.parseLong(eflags, 16))).isEqualTo(expected);
    }

    @Test
    void theFlagColumnsStartWhereWindbgPutsThem() {
        assertThat(RegisterText.flags(0x246).indexOf("nv")).isEqualTo(15);
    }
}
