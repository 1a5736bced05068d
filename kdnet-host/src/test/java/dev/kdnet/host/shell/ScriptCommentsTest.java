package dev.kdnet.host.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which lines and commands of a script are comments. */
class ScriptCommentsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "'* all of it; r'   | true",
        "'  # a hash line'  | true",
        "''                 | true",
        "'   '              | true",
        "'$$ a note; r'     | false",
        "'bc *'             | false",
        "'r rax'            | false"})
    void aLineIsACommentIfItStartsWithAStarOrAHashOrIsBlank(String line, boolean comment) {
        assertThat(ScriptComments.isCommentLine(line)).isEqualTo(comment);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "'$$ a note'   | true",
        "'  $$note'    | true",
        "'$ a'         | false",
        "'db nt'       | false"})
    void aCommandIsACommentIfItStartsWithTwoDollars(String command, boolean comment) {
        assertThat(ScriptComments.isCommentCommand(command)).isEqualTo(comment);
    }
}
