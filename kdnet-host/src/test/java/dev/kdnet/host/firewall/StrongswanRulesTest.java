package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The strongSwan rules against swanctl.conf(5): nested {@code name { ... }} sections with {@code key = value}
 * settings, a connection whose children are {@code mode = pass}, {@code start_action = trap}, and traffic selectors
 * {@code CIDR[proto/port]}.
 */
class StrongswanRulesTest {
    private static final Pattern CHILD = Pattern.compile(" {6}kdnet-([0-9]+) \\{\n"
            + " {8}local_ts = ([0-9.]+/[0-9]{1,2})\\[udp/([0-9]+)]\n"
            + " {8}remote_ts = ([0-9.]+/[0-9]{1,2})\\[udp/([0-9]+)]\n"
            + " {8}mode = pass\n {8}start_action = trap\n {6}}");

    @Test
    void theFileIsWellNestedSectionsAndSettings() {
        Deque<String> open = new ArrayDeque<>();
        for (String line : RuleFormat.STRONGSWAN.rules(Scopes.NARROW).text().lines().toList()) {
            String setting = line.strip();
            if (setting.endsWith("{")) {
                assertThat(setting).matches("[a-z0-9_-]+ \\{");
                open.push(setting);
            } else if (setting.equals("}")) {
                assertThat(open).as("a closing brace has its section").isNotEmpty();
                open.pop();
            } else if (!setting.startsWith("#")) {
                assertThat(setting).matches("[a-z_]+ = \\S+");
            }
            assertThat(open.stream().filter(section -> section.startsWith("connections")).count()).isLessThan(2);
        }
        assertThat(open).isEmpty();
    }

    @Test
    void oneTrappedPassChildPerPortAndSideWithMirroredSelectors() {
        Matcher child = CHILD.matcher(RuleFormat.STRONGSWAN.rules(Scopes.NARROW).text());
        List<String> found = new java.util.ArrayList<>();
        while (child.find()) {
            assertThat(child.group(3)).isEqualTo(child.group(1));
            assertThat(child.group(5)).isEqualTo(child.group(1));
            found.add(child.group(2) + "->" + child.group(4) + ":" + child.group(1));
        }

        assertThat(found).containsExactly("10.213.1.1/32->10.213.2.0/24:50000", "10.213.1.1/32->10.213.2.0/24:50001",
                "10.213.2.0/24->10.213.1.1/32:50000", "10.213.2.0/24->10.213.1.1/32:50001");
    }

    @Test
    void thePassConnectionStandsAlone() {
        String text = RuleFormat.STRONGSWAN.rules(Scopes.DEFAULT).text();

        assertThat(text).contains("  kdnet-bypass {\n").doesNotContain("auth =").doesNotContain("proposals");
    }
}
