package dev.kdnet.host.shell;

import java.util.List;

/** {@code ? EXPR} (evaluate), {@code .echo TEXT}, and {@code .help}/{@code help}/{@code ?} (the commands). */
final class GeneralCommands {
    private GeneralCommands() {
    }

    static void register(Shell shell) {
        shell.add("?", "evaluate an expression: ? nt+10*2 (alone: this list)", GeneralCommands::evaluate);
        shell.add(".echo", "print the rest of the line: .echo TEXT", (s, args) -> s.out().println(String.join(" ",
                args)));
        shell.add(".help", "this list", (s, args) -> s.printHelp());
        shell.add("help", "this list", (s, args) -> s.printHelp());
    }

    private static void evaluate(Shell shell, List<String> args) {
        if (args.isEmpty()) {
            shell.printHelp();
            return;
        }
        shell.out().println(evaluation(shell.expression().evaluate(String.join(" ", args))));
    }

    /** {@code Evaluate expression: 3 = 00000000`00000003}: the value in signed decimal, then in hexadecimal. */
    static String evaluation(long value) {
        return "Evaluate expression: " + value + " = " + Hex.address(value);
    }
}
