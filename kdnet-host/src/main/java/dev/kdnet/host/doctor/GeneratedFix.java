package dev.kdnet.host.doctor;

import dev.kdnet.host.firewall.Blocker;
import dev.kdnet.host.firewall.NftablesRules;
import dev.kdnet.host.firewall.RuleFormat;
import dev.kdnet.host.firewall.Rules;
import dev.kdnet.host.firewall.Scope;
import dev.kdnet.host.firewall.Side;
import dev.kdnet.protocol.args.PortRange;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link FixRules} from the rule generator of {@code ./kdnet rules}, for any target: the command line with
 * {@code --apply}, and the rules it applies. For an nftables drop in a chain of another table, our own table's
 * rules and the accept at the head of that very chain (what {@code --apply} inserts there); for an xfrm policy,
 * the bypass of both ends.
 */
final class GeneratedFix implements FixRules {
    /** Where {@link dev.kdnet.host.firewall.NftablesState} says an nftables rule sits. */
    private static final Pattern NFT_CHAIN = Pattern.compile("^table (\\S+) (\\S+) chain (\\S+)");
    private static final String XFRM = "xfrm";

    @Override
    public String command(String format, PortRange ports) {
        return "./kdnet rules --format " + format + " --ports " + ports + " --apply"
                + (format.equals(XFRM) ? " (on both ends)" : "");
    }

    @Override
    public List<String> rules(Blocker blocker, PortRange ports) {
        Scope scope = Scope.of(ports, Optional.empty(), Optional.empty(),
                blocker.tool().equals(XFRM) ? Side.PRINTED : Set.of(Side.HOST));
        Matcher chain = NFT_CHAIN.matcher(blocker.place());
        String text = blocker.tool().equals(RuleFormat.NFTABLES.text()) && chain.find()
                ? NftablesRules.opening(chain.group(1), chain.group(2), chain.group(3), scope).text()
                : Rules.forPorts(RuleFormat.parse(blocker.tool()), scope);
        return text.lines().toList();
    }
}
