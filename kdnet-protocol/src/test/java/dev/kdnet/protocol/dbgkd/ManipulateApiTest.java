package dev.kdnet.protocol.dbgkd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Manipulate API numbers (kd-protocol §3.2) as an open value. */
class ManipulateApiTest {
    @Test
    void everyNumberOfTheSpecTableHasItsOwnConstant() {
        int[] numbers = IntStream.concat(IntStream.rangeClosed(0x3130, 0x3149), IntStream.rangeClosed(0x3150, 0x3162))
                .toArray();
        assertThat(ManipulateApi.known()).extracting(ManipulateApi::number).containsExactly(
                IntStream.of(numbers).boxed().toArray(Integer[]::new));
        for (int number : numbers) {
            ManipulateApi api = ManipulateApi.valueOf(number);
            assertThat(api.isKnown()).as("0x%04x", number).isTrue();
            assertThat(api).isSameAs(ManipulateApi.valueOf(number));
        }
        assertThat(ManipulateApi.known()).extracting(ManipulateApi::name).doesNotHaveDuplicates()
                .noneMatch(name -> name.startsWith("Unknown"));
    }

    @Test
    void constantsCarryTheSpecNumbers() {
        assertThat(ManipulateApi.READ_VIRTUAL_MEMORY.number()).isEqualTo(0x3130);
        assertThat(ManipulateApi.CONTINUE2.number()).isEqualTo(0x313C);
        assertThat(ManipulateApi.GET_VERSION.number()).isEqualTo(0x3146);
        assertThat(ManipulateApi.CAUSE_BUGCHECK.number()).isEqualTo(0x3149);
        assertThat(ManipulateApi.SWITCH_PROCESSOR.number()).isEqualTo(0x3150);
        assertThat(ManipulateApi.READ_MSR.number()).isEqualTo(0x3152);
        assertThat(ManipulateApi.CLEAR_ALL_INTERNAL_BREAKPOINTS.number()).isEqualTo(0x315A);
        assertThat(ManipulateApi.GET_CONTEXT_EX.number()).isEqualTo(0x315F);
        assertThat(ManipulateApi.READ_PHYSICAL_MEMORY_LONG.number()).isEqualTo(0x3162);
        assertThat(ManipulateApi.GET_VERSION).hasToString("GetVersion(0x3146)");
    }

    @Test
    void unknownNumbersAreNamedAndSurviveARoundTrip() {
        ManipulateApi unknown = ManipulateApi.valueOf(0x3199);
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.name()).isEqualTo("Unknown(0x3199)");
        assertThat(unknown).hasToString("Unknown(0x3199)").isEqualTo(ManipulateApi.valueOf(0x3199))
                .hasSameHashCodeAs(ManipulateApi.valueOf(0x3199)).isNotEqualTo(ManipulateApi.GET_VERSION);
        assertThat(ManipulateApi.valueOf(0x314A).isKnown()).as("gap between 0x3149 and 0x3150").isFalse();

        ManipulateState64 request = ManipulateState64.request(unknown, 0);
        ManipulateState64 decoded = ManipulateState64.decode(ByteBuffer.wrap(request.encode())).orElseThrow();
        assertThat(decoded.api()).isEqualTo(unknown);
        assertThat(decoded.encode()).isEqualTo(request.encode());
        assertThat(ManipulateApi.valueOf(-1).name()).isEqualTo("Unknown(0xFFFFFFFF)");
    }

    @Test
    void onlyTheResumingAndSwitchingApisGoWithoutAReply() {
        assertThat(ManipulateApi.known()).filteredOn(api -> !api.hasReply()).containsExactlyInAnyOrder(
                ManipulateApi.CONTINUE, ManipulateApi.CONTINUE2, ManipulateApi.REBOOT, ManipulateApi.CAUSE_BUGCHECK,
                ManipulateApi.SWITCH_PROCESSOR, ManipulateApi.CLEAR_ALL_INTERNAL_BREAKPOINTS);
        assertThat(ManipulateApi.valueOf(0x3199).hasReply()).isTrue();
    }
}
