package dev.kdnet.host.firewall;

import dev.kdnet.protocol.args.UsageException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The formats {@code ./kdnet rules --format F} prints, by the name users give. */
public enum RuleFormat {
    /** Windows PowerShell: New-NetFirewallRule and New-NetIPsecRule. */
    WINDOWS_POWERSHELL("windows-powershell", new PowerShellRules(), false),
    /** Windows netsh: advfirewall firewall and advfirewall consec rules. */
    WINDOWS_NETSH("windows-netsh", new NetshRules(), false),
    /** An nft -f script with a table of its own. */
    NFTABLES("nftables", new NftablesRules(), true),
    /** An iptables-restore --noflush file with a chain of its own. */
    IPTABLES("iptables", new IptablesRules(), true),
    /** firewall-cmd rich rules. */
    FIREWALLD("firewalld", new FirewalldRules(), false),
    /** ufw allow rules. */
    UFW("ufw", new UfwRules(), false),
    /** ip xfrm policy bypass entries, one per port and direction. */
    XFRM("xfrm", new XfrmRules(), true),
    /** swanctl.conf pass children. */
    STRONGSWAN("strongswan", new StrongswanRules(), false);

    private final String text;
    private final FormatRules rules;
    private final boolean appliable;

    RuleFormat(String text, FormatRules rules, boolean appliable) {
        this.text = text;
        this.rules = rules;
        this.appliable = appliable;
    }

    /** The name on the command line, e.g. {@code windows-powershell}. */
    public String text() {
        return text;
    }

    /** True for the formats {@code --apply} applies to this (Linux) machine: nftables, iptables and xfrm. */
    public boolean appliable() {
        return appliable;
    }

    /** The rule set of this format for {@code scope}. */
    public RuleSet rules(Scope scope) {
        return rules.rules(scope);
    }

    /** Every name, e.g. {@code windows-powershell, windows-netsh, ... or strongswan}. */
    public static String names() {
        return Arrays.stream(values()).map(RuleFormat::text).collect(Collectors.joining(", "))
                .replaceFirst(", ([\\w-]+)$", " or $1");
    }

    /**
     * The format named {@code text}.
     *
     * @throws UsageException {@code --format "pf" is not one of windows-powershell, ... or strongswan}
     */
    public static RuleFormat parse(String text) {
        return Arrays.stream(values()).filter(format -> format.text.equals(text)).findFirst()
                .orElseThrow(() -> new UsageException("--format \"" + text + "\" is not one of " + names()));
    }
}
