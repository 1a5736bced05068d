package dev.kdnet.host.doctor;

import dev.kdnet.host.firewall.Blocker;
import dev.kdnet.protocol.args.PortRange;
import java.util.List;

/**
 * The fix for a rule or policy that stops a KDNET port range, in the format of the tool that lists it
 * ({@code nftables}, {@code iptables} or {@code xfrm}, the names of {@code ./kdnet rules --format}): the command
 * line the doctor's verdict ends with after "fix:", and the rule text that command applies, printed below the
 * verdict.
 */
public interface FixRules {
    /** The command line that prints and applies the fix for {@code ports} in {@code format} on this machine. */
    String command(String format, PortRange ports);

    /** The rules that let {@code ports} past {@code blocker}, each after its comment line. */
    List<String> rules(Blocker blocker, PortRange ports);

    /** The fix as {@code ./kdnet rules} generates it. */
    static FixRules generated() {
        return new GeneratedFix();
    }
}
