package dev.kdnet.protocol.args;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A usage mistake is one line, whatever the text it was built from, and exits with 2. */
class UsageExceptionTest {

    @Test
    void lineBreaksInTheMessageBecomeSemicolons() {
        UsageException e = new UsageException("cannot read script s.txt: first\r\n   second\nthird\n");

        assertThat(e.getMessage()).isEqualTo("cannot read script s.txt: first; second; third");
    }

    @Test
    void aOneLineMessageStaysAsItIs() {
        assertThat(new UsageException("port 0 is outside 1-65535").getMessage())
                .isEqualTo("port 0 is outside 1-65535");
    }

    @Test
    void itsExitCodeIsTheUsageCode() {
        assertThat(UsageException.EXIT_CODE).isEqualTo(2);
    }
}
