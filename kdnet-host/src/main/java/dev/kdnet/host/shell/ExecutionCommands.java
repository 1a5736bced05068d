package dev.kdnet.host.shell;

import dev.kdnet.host.api.Stop;
import dev.kdnet.protocol.dbgkd.NtStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Commands that move the target: {@code g}, {@code t}, {@code p}, {@code .breakin} and {@code .reboot}
 * (breakpoints are {@link BreakpointCommands}). {@code g} waits for the next stop, as commands after it in a script
 * expect: at the prompt until Ctrl-C breaks in, in a script as long as {@code --wait-stop} says (then the script
 * goes on and {@code .breakin} stops the target).
 */
final class ExecutionCommands {
    private ExecutionCommands() {
    }

    static void register(Shell shell) {
        shell.add("g", "go: run until the next stop (Ctrl-C breaks in)", ExecutionCommands::go);
        shell.add(".breakin", "break in: stop the running target (for scripts; Ctrl-C at the prompt)",
                (s, args) -> ExecutionCommands.breakIn(s));
        shell.add("t", "trace: execute one instruction", ExecutionCommands::step);
        shell.add("p", "step: execute one instruction (the simulated code has no calls to step over)",
                ExecutionCommands::step);
        shell.add(".reboot", "reboot the target; the debugger attaches again by itself",
                (s, args) -> ExecutionCommands.reboot(s));
    }

    private static void go(Shell shell, List<String> args) {
        shell.debugger().go();
        shell.awaitStop().ifPresentOrElse(shell::printStop, () -> shell.out().println("The target is running: no"
                + " stop within " + seconds(shell.stopWait().orElseThrow()) + " (.breakin stops it)"));
    }

    /** {@code duration} in seconds, as short as exact: {@code 30 s}, {@code 0.5 s}. */
    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    private static void breakIn(Shell shell) {
        if (shell.debugger().isStopped()) {
            shell.out().println("The target is already stopped");
            return;
        }
        shell.printStop(shell.debugger().breakIn());
    }

    /** One instruction; WinDbg then shows the registers and the next instruction, or announces another stop. */
    private static void step(Shell shell, List<String> args) {
        Stop stop = shell.debugger().step();
        if (stop.exceptionCode() == NtStatus.SINGLE_STEP) {
            shell.printRegisters(stop);
        } else {
            shell.printStop(stop);
        }
    }

    private static void reboot(Shell shell) {
        shell.debugger().reboot();
        shell.out().println("Shutdown occurred... rebooting; waiting for the target to connect again");
        shell.out().flush();
        shell.debugger().attach(shell.reattachTimeout());
        shell.printStop(shell.debugger().stop());
    }
}
