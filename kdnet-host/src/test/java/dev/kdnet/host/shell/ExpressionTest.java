package dev.kdnet.host.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.dbgkd.X64Register;
import org.junit.jupiter.api.Test;

class ExpressionTest {
    private static final long KERNEL_BASE = 0xFFFF_F804_7A00_0000L;
    private final Expression expression = new Expression(KERNEL_BASE,
            r -> r == X64Register.RSP ? 0xFFFF_F804_8000_0000L : 0x10L);

    @Test
    void numbersAreHexadecimalWithBackticksAnd0xOr0nForDecimal() {
        assertThat(expression.evaluate("fffff804`7a001010")).isEqualTo(0xFFFF_F804_7A00_1010L);
        assertThat(expression.evaluate("0x1000")).isEqualTo(0x1000);
        assertThat(expression.evaluate("1000")).isEqualTo(0x1000);
        assertThat(expression.evaluate("0n4096")).isEqualTo(0x1000);
    }

    @Test
    void operatorsHaveTheUsualPrecedenceAndParentheses() {
        assertThat(expression.evaluate("1+2")).isEqualTo(3);
        assertThat(expression.evaluate("1 + 2*3")).isEqualTo(7);
        assertThat(expression.evaluate("(1+2)*3")).isEqualTo(9);
        assertThat(expression.evaluate("10/3")).isEqualTo(5);
        assertThat(expression.evaluate("10%3")).isEqualTo(1);
        assertThat(expression.evaluate("0-1")).isEqualTo(-1);
        assertThat(expression.evaluate("-1")).isEqualTo(-1);
        assertThat(expression.evaluate("ffffffffffffffff/2")).as("unsigned").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void ntAndRegistersWithOffsets() {
        assertThat(expression.evaluate("nt+1010")).isEqualTo(KERNEL_BASE + 0x1010);
        assertThat(expression.evaluate("rsp-2000")).isEqualTo(0xFFFF_F804_7FFF_E000L);
        assertThat(expression.evaluate("@rax*2")).isEqualTo(0x20);
    }

    @Test
    void aSymbolSaysSymbolsAreNotSupportedAndWhatWorks() {
        assertThatThrownBy(() -> expression.evaluate("nt!KeBugCheckEx")).isInstanceOf(ShellException.class)
                .hasMessage("symbols are not supported yet (\"nt!KeBugCheckEx\"): use nt+OFFSET or an address,"
                        + " e.g. nt+1010 or fffff804`7a001010");
    }

    @Test
    void badTermsSayWhatWouldBeRight() {
        assertThatThrownBy(() -> expression.evaluate("xyz")).hasMessage(
                "\"xyz\" is not a hexadecimal number, 0nDECIMAL, nt or a register");
        assertThatThrownBy(() -> expression.evaluate("1ffffffffffffffff")).hasMessage(
                "\"1ffffffffffffffff\" does not fit in 64 bits");
        assertThatThrownBy(() -> expression.evaluate("0n12a")).hasMessage(
                "\"0n12a\" is not a decimal number (0n then the digits 0-9)");
        assertThatThrownBy(() -> expression.evaluate("1/0")).hasMessage("division by zero in \"1/0\"");
        assertThatThrownBy(() -> expression.evaluate("(1+2")).hasMessage("a \")\" is missing in \"(1+2\"");
        assertThatThrownBy(() -> expression.evaluate("1+")).hasMessage("a value is missing at the end of \"1+\"");
        assertThatThrownBy(() -> expression.evaluate("1)")).hasMessage(
                "\")\" in \"1)\" is not an operator (+ - * / %) or the end of the expression");
    }
}
