package dev.kdnet.host.shell;

import dev.kdnet.protocol.dbgkd.X64Register;
import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates the expressions commands take, as WinDbg's MASM evaluator reads them: numbers in hexadecimal by default
 * ({@code fffff804`7a000000}, {@code 0x1000}, {@code 1000}) or decimal with {@code 0n} ({@code 0n4096}), the module
 * name {@code nt} (the kernel base), registers ({@code @rip}, {@code rsp}), the operators {@code + - * / %} with
 * the usual precedence, unary minus and parentheses. Arithmetic wraps at 64 bits. Symbols ({@code nt!Name}) are
 * refused with a line saying what works instead.
 */
final class Expression {
    private static final int MAX_HEX_DIGITS = 16;

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
            throw new ShellException("an address or value is missing");
        }
        Parser parser = new Parser(expression);
        long value = parser.sum();
        if (!parser.atEnd()) {
            throw new ShellException("\"" + expression.substring(parser.position) + "\" in \"" + text
                    + "\" is not an operator (+ - * / %) or the end of the expression");
        }
        return value;
    }

    /** Recursive descent over one expression without spaces. */
    private final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position == text.length();
        }

        private boolean take(char c) {
            if (!atEnd() && text.charAt(position) == c) {
                position++;
                return true;
            }
            return false;
        }

        long sum() {
            long value = product();
            while (true) {
                if (take('+')) {
                    value += product();
                } else if (take('-')) {
                    value -= product();
                } else {
                    return value;
                }
            }
        }

        private long product() {
            long value = unary();
            while (true) {
                if (take('*')) {
                    value *= unary();
                } else if (take('/')) {
                    value = Long.divideUnsigned(value, divisor());
                } else if (take('%')) {
                    value = Long.remainderUnsigned(value, divisor());
                } else {
                    return value;
                }
            }
        }

        private long divisor() {
            long divisor = unary();
            if (divisor == 0) {
                throw new ShellException("division by zero in \"" + text + "\"");
            }
            return divisor;
        }

        private long unary() {
            if (take('-')) {
                return -unary();
            }
            if (take('+')) {
                return unary();
            }
            if (take('(')) {
                long value = sum();
                if (!take(')')) {
                    throw new ShellException("a \")\" is missing in \"" + text + "\"");
                }
                return value;
            }
            int start = position;
            while (!atEnd() && "+-*/%()".indexOf(text.charAt(position)) < 0) {
                position++;
            }
            if (start == position) {
                throw new ShellException("a value is missing at the end of \"" + text + "\"");
            }
            return term(text.substring(start, position));
        }

        private long term(String term) {
            if (term.indexOf('!') >= 0) {
                throw new ShellException("symbols are not supported yet (\"" + term
                        + "\"): use nt+OFFSET or an address, e.g. nt+1010 or fffff804`7a001010");
            }
            String name = term.startsWith("@") ? term.substring(1) : term;
            if (name.equalsIgnoreCase("nt")) {
                return kernelBase;
            }
            Optional<X64Register> register = term.startsWith("@") || !isHex(withoutPrefix(name))
                    ? X64Register.byName(name) : Optional.empty();
            if (register.isPresent()) {
                return registers.apply(register.get());
            }
            if (name.length() > 2 && name.regionMatches(true, 0, "0n", 0, 2)) {
                return decimal(term, name.substring(2));
            }
            String digits = withoutPrefix(name);
            if (!isHex(digits)) {
                throw new ShellException("\"" + term + "\" is not a hexadecimal number, 0nDECIMAL, nt or a register");
            }
            if (digits.replaceFirst("^0+(?=.)", "").length() > MAX_HEX_DIGITS) {
                throw new ShellException("\"" + term + "\" does not fit in 64 bits");
            }
            return Long.parseUnsignedLong(digits, 16);
        }

        private static long decimal(String term, String digits) {
            if (!digits.chars().allMatch(Character::isDigit)) {
                throw new ShellException("\"" + term + "\" is not a decimal number (0n then the digits 0-9)");
            }
            try {
                return Long.parseUnsignedLong(digits);
            } catch (NumberFormatException e) {
                throw new ShellException("\"" + term + "\" does not fit in 64 bits");
            }
        }
    }

    private static String withoutPrefix(String name) {
        String digits = name.replace("`", "");
        return digits.length() > 2 && digits.regionMatches(true, 0, "0x", 0, 2) ? digits.substring(2) : digits;
    }

    private static boolean isHex(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
