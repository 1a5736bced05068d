package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a rule set prints: comments above rules (indented like them), frames as they are, notes as comments. */
class RuleSetTest {

    @Test
    void printsFramesRulesWithTheirCommentsAndNotesInOrder() {
        RuleSet set = new RuleSet("REM", List.of(new RuleSet.Frame("{"), new Rule("does a", "  rule a"),
                new RuleSet.Note("by the way"), new RuleSet.Frame("}")));

        assertThat(set.text()).isEqualTo("{\n  REM does a\n  rule a\nREM by the way\n}\n");
        assertThat(set.rules()).containsExactly(new Rule("does a", "  rule a"));
    }

    @Test
    void aCommentIsOneLine() {
        assertThatThrownBy(() -> new Rule("two\nlines", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
