package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.junit.jupiter.api.Test;

/** While a command runs, the terminal keeps keys in its line buffer unseen, and Ctrl-C stays a signal. */
class TypeAheadTest {

    @Test
    void quietIsLineModeWithoutEchoWithSignals() {
        Attributes editing = new Attributes();
        editing.setLocalFlag(LocalFlag.ECHO, true);
        editing.setLocalFlag(LocalFlag.ICANON, false);
        editing.setLocalFlag(LocalFlag.ISIG, false);

        Attributes quiet = TypeAhead.quiet(editing);

        assertThat(quiet.getLocalFlag(LocalFlag.ECHO)).isFalse();
        assertThat(quiet.getLocalFlag(LocalFlag.ICANON)).isTrue();
        assertThat(quiet.getLocalFlag(LocalFlag.ISIG)).isTrue();
        assertThat(editing.getLocalFlag(LocalFlag.ECHO)).as("the editing attributes are left as they were").isTrue();
    }
}
