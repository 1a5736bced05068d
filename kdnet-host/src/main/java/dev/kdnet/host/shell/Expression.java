package dev.kdnet.host.shell;

import dev.kdnet.protocol.dbgkd.X64Register;
import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates the address expressions commands take: hexadecimal numbers as WinDbg writes them ({@code fffff804`7a000000},
 * {@code 0x1000}, {@code 1000}), the module name {@code nt} (the kernel base), registers ({@code @rip}, {@code rsp}),
 * each optionally followed by {@code +} or {@code -} offsets.
 */
final class Expression {
    private final long kernelBase;
    private final Function<X64Register, Long> registers;

    Expression(long kernelBase, Function<X64Register, Long> registers) {
        this.kernelBase = kernelBase;
        this.registers = registers;
    }

    /** The value of {@code text}. */
    long evaluate(String text) {
        String expression = text.replace(" ", "");
        if (expression.isEmpty()) {
            throw new ShellException("an address is missing");
        }
        long value = 0;
        int sign = 1;
        int start = 0;
        for (int i = 0; i <= expression.length(); i++) {
            boolean end = i == expression.length();
            char c = end ? 0 : expression.charAt(i);
            if (end || (i > start && (c == '+' || c == '-'))) {
                value += sign * term(expression.substring(start, i), text);
                sign = c == '-' ? -1 : 1;
                start = i + 1;
            }
        }
        return value;
    }

    private long term(String term, String whole) {
        String name = term.startsWith("@") ? term.substring(1) : term;
        if (name.equalsIgnoreCase("nt")) {
            return kernelBase;
        }
        Optional<X64Register> register = term.startsWith("@") || !looksHex(name) ? X64Register.byName(name)
                : Optional.empty();
        if (register.isPresent()) {
            return registers.apply(register.get());
        }
        String digits = name.replace("`", "");
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        if (!looksHex(digits) || digits.length() > 16) {
            throw new ShellException("\"" + term + "\" in \"" + whole + "\" is not a number, nt, or a register");
        }
        return Long.parseUnsignedLong(digits, 16);
    }

    private static boolean looksHex(String text) {
        return !text.isEmpty() && text.replace("`", "").replaceFirst("^0[xX]", "").chars()
                .allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
