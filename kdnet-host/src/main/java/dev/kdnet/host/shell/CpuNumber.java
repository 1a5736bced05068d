package dev.kdnet.host.shell;

/** A CPU number as {@code ~N} takes it: decimal, from 0 to the target's CPU count less one. */
final class CpuNumber {
    private static final int MAX_DIGITS = 4;

    private CpuNumber() {
    }

    /** The CPU {@code text} names on a target of {@code cpuCount} CPUs, or a one-line error saying which exist. */
    static int parse(String text, int cpuCount) {
        if (text.isEmpty() || text.length() > MAX_DIGITS || !text.chars().allMatch(Character::isDigit)) {
            throw new ShellException("\"" + text + "\" is not a CPU number: " + cpus(cpuCount));
        }
        return existing(Integer.parseInt(text), cpuCount);
    }

    /** {@code cpu} if a target of {@code cpuCount} CPUs has it, or a one-line error saying which it has. */
    static int existing(long cpu, int cpuCount) {
        if (cpu < 0 || cpu >= cpuCount) {
            throw new ShellException("no CPU " + cpu + ": " + cpus(cpuCount));
        }
        return (int) cpu;
    }

    /** {@code the target has 1 CPU (0)}, {@code the target has 4 CPUs (0-3)}. */
    private static String cpus(int cpuCount) {
        return cpuCount == 1 ? "the target has 1 CPU (0)" : "the target has " + cpuCount + " CPUs (0-" + (cpuCount - 1)
                + ")";
    }
}
