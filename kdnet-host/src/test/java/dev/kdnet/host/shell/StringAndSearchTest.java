package dev.kdnet.host.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts of da/du, s, f and ?: decoding, line cutting, hits, patterns and the evaluation line. */
class StringAndSearchTest {
    private final Expression expression = new Expression(0xFFFF_F804_7A00_0000L, r -> 0L);

    private static List<String> words(String text) {
        return Arrays.asList(text.split(" "));
    }

    @Test
    void stringsEndAtTheirNulAndShowControlCharactersAsDots() {
        byte[] ascii = "Run in DOS mode.\r\r\n$\0garbage".getBytes(StandardCharsets.US_ASCII);
        assertThat(StringCommands.decode(ascii, 1)).isEqualTo("Run in DOS mode....$");
        byte[] utf16 = "C:\\Windows\0x".getBytes(StandardCharsets.UTF_16LE);
        assertThat(StringCommands.decode(utf16, 2)).isEqualTo("C:\\Windows");
    }

    @Test
    void linesHold48CharactersAfterTheAddressOfTheFirst() {
        String text = "x".repeat(50);
        assertThat(StringCommands.lines(0x1000, text, 2)).containsExactly(
                "00000000`00001000  \"" + "x".repeat(48) + "\"", "00000000`00001060  \"xx\"");
        assertThat(StringCommands.lines(0x1000, "", 1)).isEmpty();
    }

    @Test
    void hitsAreWhereThePatternStartsAlignedToTheType() {
        byte[] bytes = {1, 2, 1, 2, 0, 1, 2, 0};
        assertThat(SearchCommands.hits(0x1000, bytes, 8, new byte[] {1, 2}, 1)).containsExactly(0, 2, 5);
        assertThat(SearchCommands.hits(0x1000, bytes, 8, new byte[] {1, 2}, 2)).containsExactly(0, 2);
        assertThat(SearchCommands.hits(0x1000, bytes, 2, new byte[] {1, 2}, 1)).as("only in the range searched")
                .containsExactly(0);
    }

    @Test
    void patternsAreLittleEndianValuesOrQuotedText() {
        assertThat(SearchCommands.SearchType.DWORDS.pattern(List.of("905a4d"), expression))
                .containsExactly(0x4d, 0x5a, 0x90, 0);
        assertThat(SearchCommands.SearchType.BYTES.pattern(List.of("4d", "5a"), expression)).containsExactly(0x4d,
                0x5a);
        assertThat(SearchCommands.SearchType.UNICODE.pattern(words("\"C:\\Win\""), expression))
                .isEqualTo("C:\\Win".getBytes(StandardCharsets.UTF_16LE));
        assertThat(SearchCommands.SearchType.ASCII.pattern(words("\"DOS mode\""), expression))
                .isEqualTo("DOS mode".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> SearchCommands.SearchType.BYTES.pattern(List.of("100"), expression))
                .hasMessage("\"100\" does not fit in 1 byte: bytes are 00-ff");
        assertThatThrownBy(() -> SearchCommands.SearchType.WORDS.pattern(List.of("10000"), expression))
                .hasMessage("\"10000\" does not fit in 2 bytes: the largest is ffff");
        assertThatThrownBy(() -> SearchCommands.SearchType.ASCII.pattern(List.of("DOS"), expression))
                .hasMessage("the text to search for goes in double quotes: s -a ADDR L COUNT \"text\"");
        assertThatThrownBy(() -> SearchCommands.SearchType.of("-x"))
                .hasMessage("s has no type -x: use -b, -w, -d, -q, -a or -u");
    }

    @Test
    void theRangeComesBeforeThePatternWithItsLengthJoinedOrApart() {
        SearchCommands.RangeAndPattern joined = SearchCommands.RangeAndPattern.parse("s", words("nt L?1000 4d 5a"),
                expression, 1);
        assertThat(joined.range()).isEqualTo(new Range(0xFFFF_F804_7A00_0000L, 0x1000, 1));
        assertThat(joined.pattern()).containsExactly("4d", "5a");
        SearchCommands.RangeAndPattern apart = SearchCommands.RangeAndPattern.parse("f", words("1000 L 20 41"),
                expression, 1);
        assertThat(apart.range()).isEqualTo(new Range(0x1000, 0x20, 1));
        assertThat(apart.pattern()).containsExactly("41");
        assertThatThrownBy(() -> SearchCommands.RangeAndPattern.parse("s", words("nt 4d"), expression, 1))
                .hasMessage("s needs ADDR L COUNT then the pattern, e.g. s nt L1000 4d 5a");
    }

    @Test
    void evaluationIsSignedDecimalThenHex() {
        assertThat(GeneralCommands.evaluation(3)).isEqualTo("Evaluate expression: 3 = 00000000`00000003");
        assertThat(GeneralCommands.evaluation(-1)).isEqualTo("Evaluate expression: -1 = ffffffff`ffffffff");
    }
}
