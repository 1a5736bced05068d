package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What holds for every format: each rule printed right below one comment line of its own. */
class EveryFormatTest {

    @ParameterizedTest
    @EnumSource(RuleFormat.class)
    void everyRuleIsPrintedBelowItsOwnCommentLine(RuleFormat format) {
        RuleSet rules = format.rules(Scopes.NARROW);
        List<String> lines = rules.text().lines().toList();

        assertThat(rules.rules()).isNotEmpty();
        for (Rule rule : rules.rules()) {
            String firstLine = rule.text().lines().findFirst().orElseThrow();
            int at = lines.indexOf(firstLine);
            assertThat(at).as("%s is printed", firstLine).isPositive();
            assertThat(lines.get(at - 1).strip()).isEqualTo(rules.commentMark() + " " + rule.comment());
        }
    }

    @ParameterizedTest
    @EnumSource(RuleFormat.class)
    void theNameOnTheCommandLineFindsTheFormat(RuleFormat format) {
        assertThat(RuleFormat.parse(format.text())).isEqualTo(format);
    }

    @ParameterizedTest
    @EnumSource(RuleFormat.class)
    void rulesForPortsIsThePrintedText(RuleFormat format) {
        assertThat(Rules.forPorts(format, Scopes.DEFAULT)).isEqualTo(format.rules(Scopes.DEFAULT).text())
                .endsWith("\n");
    }
}
