package dev.kdnet.protocol.dbgkd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NTSTATUS values of kd-protocol §5 and NT_SUCCESS. */
class NtStatusTest {
    @Test
    void valuesAreTheSpecTable() {
        assertThat(new int[] {NtStatus.SUCCESS, NtStatus.PENDING, NtStatus.DBG_EXCEPTION_HANDLED,
                NtStatus.DBG_CONTINUE, NtStatus.DBG_EXCEPTION_NOT_HANDLED, NtStatus.DATATYPE_MISALIGNMENT,
                NtStatus.BREAKPOINT, NtStatus.SINGLE_STEP, NtStatus.WAKE_SYSTEM_DEBUGGER, NtStatus.UNSUCCESSFUL,
                NtStatus.NOT_IMPLEMENTED, NtStatus.ACCESS_VIOLATION, NtStatus.INVALID_PARAMETER,
                NtStatus.NO_SUCH_DEVICE, NtStatus.NO_SUCH_FILE, NtStatus.ASSERTION_FAILURE}).containsExactly(
                        0x00000000, 0x00000103, 0x00010001, 0x00010002, 0x80010001, 0x80000002, 0x80000003,
                        0x80000004, 0x80000007, 0xC0000001, 0xC0000002, 0xC0000005, 0xC000000D, 0xC000000E,
                        0xC000000F, 0xC0000420);
    }

    @Test
    void successMeansNonNegative() {
        assertThat(NtStatus.isSuccess(NtStatus.SUCCESS)).isTrue();
        assertThat(NtStatus.isSuccess(NtStatus.PENDING)).isTrue();
        assertThat(NtStatus.isSuccess(NtStatus.DBG_CONTINUE)).isTrue();
        assertThat(NtStatus.isSuccess(NtStatus.DBG_EXCEPTION_HANDLED)).isTrue();
        assertThat(NtStatus.isSuccess(NtStatus.DBG_EXCEPTION_NOT_HANDLED)).isFalse();
        assertThat(NtStatus.isSuccess(NtStatus.BREAKPOINT)).isFalse();
        assertThat(NtStatus.isSuccess(NtStatus.UNSUCCESSFUL)).isFalse();
        assertThat(NtStatus.isSuccess(0x7FFFFFFF)).isTrue();
    }
}
