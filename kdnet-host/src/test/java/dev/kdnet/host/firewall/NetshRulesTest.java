package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The netsh rules against the documented usage of {@code netsh advfirewall firewall add rule} and
 * {@code netsh advfirewall consec add rule}: their keywords, the required ones, and the enumerated values.
 */
class NetshRulesTest {
    private static final String FIREWALL = "netsh advfirewall firewall add rule";
    private static final String CONSEC = "netsh advfirewall consec add rule";
    /** Keywords of {@code firewall add rule}. */
    private static final Set<String> FIREWALL_KEYWORDS = Set.of("name", "dir", "action", "program", "service",
            "description", "enable", "profile", "localip", "remoteip", "localport", "remoteport", "protocol",
            "interfacetype", "rmtcomputergrp", "rmtusrgrp", "edge", "security");
    /** Keywords of {@code consec add rule} (without the authentication and crypto ones, unused here). */
    private static final Set<String> CONSEC_KEYWORDS = Set.of("name", "endpoint1", "endpoint2", "action",
            "description", "mode", "enable", "profile", "type", "localtunnelendpoint", "remotetunnelendpoint",
            "port1", "port2", "protocol", "interfacetype");
    private static final Set<String> CONSEC_ACTIONS = Set.of("requireinrequestout", "requestinrequestout",
            "requireinrequireout", "requireinclearout", "noauthentication");
    private static final Pattern PORT_RANGE = Pattern.compile("[0-9]{1,5}(-[0-9]{1,5})?");
    private static final Pattern ADDRESS = Pattern.compile("any|[0-9.]+(/[0-9]{1,2})?");

    @Test
    void theFirewallRuleAllowsInboundUdpOnThePortsInEveryProfile() {
        Map<String, String> keywords = keywords(rule(0), FIREWALL);

        assertThat(FIREWALL_KEYWORDS).containsAll(keywords.keySet());
        assertThat(keywords).containsKeys("name", "dir", "action").containsEntry("dir", "in")
                .containsEntry("action", "allow").containsEntry("protocol", "udp")
                .containsEntry("localport", "50000-50001").containsEntry("remoteip", "10.213.2.0/24")
                .containsEntry("localip", "10.213.1.1");
        assertThat(keywords.get("localport")).matches(PORT_RANGE);
        assertThat(Set.of(keywords.get("profile").split(","))).containsExactlyInAnyOrder("domain", "private",
                "public");
    }

    @Test
    void theConnectionSecurityRuleAsksNoAuthenticationForThePorts() {
        Map<String, String> keywords = keywords(rule(1), CONSEC);

        assertThat(CONSEC_KEYWORDS).containsAll(keywords.keySet());
        assertThat(keywords).containsKeys("name", "endpoint1", "endpoint2", "action")
                .containsEntry("action", "noauthentication").containsEntry("protocol", "udp")
                .containsEntry("port1", "50000-50001").containsEntry("endpoint1", "10.213.1.1")
                .containsEntry("endpoint2", "10.213.2.0/24");
        assertThat(CONSEC_ACTIONS).contains(keywords.get("action"));
        assertThat(keywords.get("endpoint1")).matches(ADDRESS);
    }

    @Test
    void withoutTargetOrHostTheEndpointsAreAny() {
        Map<String, String> keywords = keywords(RuleFormat.WINDOWS_NETSH.rules(Scopes.DEFAULT).rules().get(1).text(),
                CONSEC);

        assertThat(keywords).containsEntry("endpoint1", "any").containsEntry("endpoint2", "any")
                .containsEntry("port1", "50000-50039");
    }

    @Test
    void commentsAreCmdRemarks() {
        assertThat(RuleFormat.WINDOWS_NETSH.rules(Scopes.NARROW).text().lines())
                .allMatch(line -> line.startsWith("REM ") || line.startsWith("netsh advfirewall "));
    }

    private static String rule(int index) {
        return RuleFormat.WINDOWS_NETSH.rules(Scopes.NARROW).rules().get(index).text();
    }

    /** The {@code keyword=value} pairs after {@code command}; a quoted value may hold blanks. */
    private static Map<String, String> keywords(String line, String command) {
        assertThat(line).startsWith(command + " ");
        Map<String, String> keywords = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile(" ([a-z0-9]+)=(\"[^\"]*\"|\\S+)").matcher(line);
        int end = command.length();
        while (matcher.find()) {
            assertThat(matcher.start()).as("nothing between keywords in %s", line).isEqualTo(end);
            assertThat(keywords.put(matcher.group(1), matcher.group(2))).isNull();
            end = matcher.end();
        }
        assertThat(end).as("the whole line is keywords: %s", line).isEqualTo(line.length());
        return keywords;
    }
}
