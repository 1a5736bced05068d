package dev.kdnet.host.load.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkupTest {
    @Test
    void escapesEveryCharacterThatCouldStartMarkupOrEndAnAttribute() {
        assertThat(Markup.escape("<a href=\"x\" title='y'>&amp;</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    }

    @Test
    void leavesOtherTextAsItIs() {
        assertThat(Markup.escape("p99 latency (µs), 1/(1-p)")).isEqualTo("p99 latency (µs), 1/(1-p)");
    }
}
