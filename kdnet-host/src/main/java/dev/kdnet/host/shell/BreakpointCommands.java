package dev.kdnet.host.shell;

import dev.kdnet.host.api.Breakpoint;
import dev.kdnet.host.api.DebuggerException;
import dev.kdnet.host.api.ModuleInfo;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Breakpoint commands as WinDbg has them: {@code bp ADDR} sets one with the lowest id free, {@code bl} lists them
 * by id ({@code e}/{@code d} for enabled/disabled), {@code bc}, {@code bd} and {@code be} clear, disable and enable by
 * id ({@code 1}, {@code 1 3}, {@code 1,3}, {@code 1-3} or {@code *}). Ids stay what they are while other
 * breakpoints come and go.
 */
final class BreakpointCommands {
    private BreakpointCommands() {
    }

    static void register(Shell shell) {
        shell.add("bp", "set a breakpoint: bp ADDR (its id is the lowest free)", BreakpointCommands::bp);
        shell.add("bl", "list breakpoints: id, e/d (enabled/disabled), address, module+offset",
                BreakpointCommands::bl);
        shell.add("bc", "clear breakpoints: bc ID..., bc 1-3 or bc *", (s, args) -> forEach(s, args, "bc",
                b -> s.debugger().clearBreakpoint(b.address())));
        shell.add("bd", "disable breakpoints (kept, not in the target): bd ID..., bd 1-3 or bd *",
                (s, args) -> forEach(s, args, "bd", b -> s.debugger().disableBreakpoint(b.address())));
        shell.add("be", "enable disabled breakpoints: be ID..., be 1-3 or be *", (s, args) -> forEach(s, args, "be",
                b -> {
                    if (!b.enabled()) {
                        s.debugger().setBreakpoint(b.address());
                    }
                }));
    }

    private static void bp(Shell shell, List<String> args) {
        if (args.isEmpty()) {
            throw new ShellException("bp needs an address: bp nt+OFFSET or bp fffff804`7a001010");
        }
        shell.debugger().setBreakpoint(shell.expression().evaluate(String.join(" ", args)));
    }

    private static void bl(Shell shell, List<String> args) {
        List<Breakpoint> breakpoints = shell.debugger().breakpoints();
        if (breakpoints.isEmpty()) {
            return;
        }
        List<ModuleInfo> modules = modulesOrNone(shell);
        breakpoints.stream().sorted(Comparator.comparingInt(Breakpoint::id))
                .forEach(b -> shell.out().println(listLine(b, modules)));
    }

    /** {@code  0 e Disable Clear  fffff804`7a001010     0001 (0001) nt+0x1010}, WinDbg's shape without symbols. */
    static String listLine(Breakpoint b, List<ModuleInfo> modules) {
        return String.format("%2d %s %s Clear  %s     0001 (0001) %s", b.id(), b.enabled() ? "e" : "d",
                b.enabled() ? "Disable" : "Enable ", Hex.address(b.address()),
                ModuleNames.symbolic(b.address(), modules).orElse("")).stripTrailing();
    }

    private static List<ModuleInfo> modulesOrNone(Shell shell) {
        try {
            return shell.debugger().modules();
        } catch (DebuggerException e) {
            return List.of();
        }
    }

    private static void forEach(Shell shell, List<String> args, String name, Consumer<Breakpoint> action) {
        if (args.isEmpty()) {
            throw new ShellException(name + " needs breakpoint ids: " + name + " 1, " + name + " 1 3, " + name
                    + " 1-3 or " + name + " * (bl lists them)");
        }
        BreakpointIds.parse(String.join(" ", args)).select(shell.debugger().breakpoints()).forEach(action);
    }
}
