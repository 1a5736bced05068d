package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The PowerShell rules against the NetSecurity module's documented syntax: parameter names of New-NetFirewallRule and
 * New-NetIPsecRule, and their enumerated values (Direction, Action, Profile, InboundSecurity, OutboundSecurity).
 */
class PowerShellRulesTest {
    /** Parameters of New-NetFirewallRule used or usable here, as Microsoft documents them. */
    private static final Set<String> FIREWALL_PARAMETERS = Set.of("DisplayName", "Name", "Description", "Direction",
            "Action", "Protocol", "LocalPort", "RemotePort", "LocalAddress", "RemoteAddress", "Profile", "Enabled");
    /** Parameters of New-NetIPsecRule, as Microsoft documents them. */
    private static final Set<String> IPSEC_PARAMETERS = Set.of("DisplayName", "IPsecRuleName", "Description",
            "InboundSecurity", "OutboundSecurity", "Protocol", "LocalPort", "RemotePort", "LocalAddress",
            "RemoteAddress", "Profile", "Mode", "Enabled");
    private static final Set<String> PROFILES = Set.of("Any", "Domain", "Private", "Public");
    private static final Set<String> SECURITY = Set.of("None", "Request", "Require");

    @Test
    void theFirewallRuleAllowsInboundUdpOnThePortsInAllThreeProfilesScopedToTheTarget() {
        Map<String, String> parameters = parameters(ruleText(0), "New-NetFirewallRule");

        assertThat(FIREWALL_PARAMETERS).containsAll(parameters.keySet());
        assertThat(parameters).containsEntry("Direction", "Inbound").containsEntry("Action", "Allow")
                .containsEntry("Protocol", "UDP").containsEntry("LocalPort", "50000-50001")
                .containsEntry("RemoteAddress", "10.213.2.0/24").containsEntry("LocalAddress", "10.213.1.1")
                .containsKey("DisplayName");
        assertThat(Set.of(parameters.get("Profile").split(","))).isSubsetOf(PROFILES)
                .containsExactlyInAnyOrder("Domain", "Private", "Public");
    }

    @Test
    void theIpsecRuleSecuresNothingInEitherDirectionForThePorts() {
        Map<String, String> parameters = parameters(ruleText(1), "New-NetIPsecRule");

        assertThat(IPSEC_PARAMETERS).containsAll(parameters.keySet());
        assertThat(SECURITY).contains(parameters.get("InboundSecurity"), parameters.get("OutboundSecurity"));
        assertThat(parameters).containsEntry("InboundSecurity", "None").containsEntry("OutboundSecurity", "None")
                .containsEntry("Protocol", "UDP").containsEntry("LocalPort", "50000-50001")
                .containsEntry("RemoteAddress", "10.213.2.0/24").containsKey("DisplayName");
    }

    @Test
    void withoutTargetOrHostNoAddressIsNamed() {
        String text = RuleFormat.WINDOWS_POWERSHELL.rules(Scopes.DEFAULT).text();

        assertThat(text).doesNotContain("-RemoteAddress").doesNotContain("-LocalAddress")
                .contains("-LocalPort 50000-50039");
    }

    private static String ruleText(int index) {
        return RuleFormat.WINDOWS_POWERSHELL.rules(Scopes.NARROW).rules().get(index).text();
    }

    /** The {@code -Name Value} pairs of one cmdlet line; a quoted value may hold blanks. */
    private static Map<String, String> parameters(String line, String cmdlet) {
        assertThat(line).startsWith(cmdlet + " ");
        Map<String, String> parameters = new LinkedHashMap<>();
        var matcher = java.util.regex.Pattern.compile(" -(\\w+) (\"[^\"]*\"|\\S+)").matcher(line);
        int end = cmdlet.length();
        while (matcher.find()) {
            assertThat(matcher.start()).as("nothing between parameters in %s", line).isEqualTo(end);
            assertThat(parameters.put(matcher.group(1), matcher.group(2))).as("repeated -%s", matcher.group(1))
                    .isNull();
            end = matcher.end();
        }
        assertThat(end).as("the whole line is parameters: %s", line).isEqualTo(line.length());
        return parameters;
    }
}
