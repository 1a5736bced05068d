package dev.kdnet.host.doctor;

import dev.kdnet.protocol.args.PortRange;

/**
 * The rule text that lets a KDNET port range through, in the format of the tool whose rule or policy stops it
 * ({@code nftables}, {@code iptables} or {@code xfrm}, the names of {@code ./kdnet rules --format}). The doctor
 * prints it after "fix:".
 */
@FunctionalInterface
public interface FixRules {
    /** The fix for {@code ports} in {@code format}. */
    String rules(String format, PortRange ports);

    /** The command line of {@code ./kdnet rules} that prints and applies the fix on this machine. */
    static FixRules command() {
        return (format, ports) -> "./kdnet rules --format " + format + " --ports " + ports + " --apply"
                + (format.equals("xfrm") ? " (on both ends)" : "");
    }
}
