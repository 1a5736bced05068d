package dev.kdnet.protocol.dbgkd;

/**
 * The NTSTATUS values the KD protocol uses (kd-protocol §5): manipulate reply statuses, continue statuses and
 * exception codes. Values are the 32 raw bits as an {@code int}; failures and warnings are negative.
 */
public final class NtStatus {
    /** STATUS_SUCCESS: a manipulate request succeeded. */
    public static final int SUCCESS = 0x0000_0000;
    /** STATUS_PENDING: what WinDbg puts into a request's ReturnStatus. */
    public static final int PENDING = 0x0000_0103;
    /** DBG_EXCEPTION_HANDLED: Continue2 status after an exception. */
    public static final int DBG_EXCEPTION_HANDLED = 0x0001_0001;
    /** DBG_CONTINUE: Continue/Continue2 status after a LoadSymbols stop or a break. */
    public static final int DBG_CONTINUE = 0x0001_0002;
    /** DBG_EXCEPTION_NOT_HANDLED: continue and pass the exception on. */
    public static final int DBG_EXCEPTION_NOT_HANDLED = 0x8001_0001;
    /** STATUS_DATATYPE_MISALIGNMENT: a misaligned I/O space access. */
    public static final int DATATYPE_MISALIGNMENT = 0x8000_0002;
    /** STATUS_BREAKPOINT: exception code of int3 and of a break-in. */
    public static final int BREAKPOINT = 0x8000_0003;
    /** STATUS_SINGLE_STEP: exception code after a TraceFlag step. */
    public static final int SINGLE_STEP = 0x8000_0004;
    /** STATUS_WAKE_SYSTEM_DEBUGGER: exception code of processor-switch reports. */
    public static final int WAKE_SYSTEM_DEBUGGER = 0x8000_0007;
    /** STATUS_UNSUCCESSFUL: the generic failure of a manipulate request. */
    public static final int UNSUCCESSFUL = 0xC000_0001;
    /** STATUS_NOT_IMPLEMENTED (real targets answer {@link #UNSUCCESSFUL} for unsupported APIs instead). */
    public static final int NOT_IMPLEMENTED = 0xC000_0002;
    /** STATUS_ACCESS_VIOLATION: exception code of a page fault. */
    public static final int ACCESS_VIOLATION = 0xC000_0005;
    /** STATUS_INVALID_PARAMETER: e.g. QueryMemory on a non-virtual space, a bad I/O size. */
    public static final int INVALID_PARAMETER = 0xC000_000D;
    /** STATUS_NO_SUCH_DEVICE: an invalid MSR. */
    public static final int NO_SUCH_DEVICE = 0xC000_000E;
    /** STATUS_NO_SUCH_FILE: the host's refusal of a FILE_IO CreateFile. */
    public static final int NO_SUCH_FILE = 0xC000_000F;
    /** STATUS_ASSERTION_FAILURE: exception code of {@code int 2c} assertions. */
    public static final int ASSERTION_FAILURE = 0xC000_0420;
    /** DBG_STATUS_CONTROL_C: the value of RCX at a break-in (not an NTSTATUS, but listed beside them). */
    public static final int DBG_STATUS_CONTROL_C = 1;

    private NtStatus() {
    }

    /** NT_SUCCESS: true for success and informational statuses (non-negative as a signed 32-bit value). */
    public static boolean isSuccess(int status) {
        return status >= 0;
    }
}
