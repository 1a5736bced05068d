package dev.kdnet.protocol.dbgkd;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ApiNumber of a DBGKD_MANIPULATE_STATE64 request (kd-protocol §3.2): an open value, so a number this class
 * does not name still decodes ({@link #valueOf} makes an {@code Unknown(0x....)} instance) and is echoed as
 * received. Two instances are equal when their numbers are.
 */
public final class ManipulateApi {
    private static final Map<Integer, ManipulateApi> KNOWN = new LinkedHashMap<>();

    /** 0x3130 ReadVirtualMemory. */
    public static final ManipulateApi READ_VIRTUAL_MEMORY = known(0x3130, "ReadVirtualMemory");
    /** 0x3131 WriteVirtualMemory. */
    public static final ManipulateApi WRITE_VIRTUAL_MEMORY = known(0x3131, "WriteVirtualMemory");
    /** 0x3132 GetContext: the reply data is the whole CONTEXT. */
    public static final ManipulateApi GET_CONTEXT = known(0x3132, "GetContext");
    /** 0x3133 SetContext: the request data is the whole CONTEXT. */
    public static final ManipulateApi SET_CONTEXT = known(0x3133, "SetContext");
    /** 0x3134 WriteBreakPoint. */
    public static final ManipulateApi WRITE_BREAKPOINT = known(0x3134, "WriteBreakPoint");
    /** 0x3135 RestoreBreakPoint. */
    public static final ManipulateApi RESTORE_BREAKPOINT = known(0x3135, "RestoreBreakPoint");
    /** 0x3136 Continue (no reply). */
    public static final ManipulateApi CONTINUE = known(0x3136, "Continue");
    /** 0x3137 ReadControlSpace. */
    public static final ManipulateApi READ_CONTROL_SPACE = known(0x3137, "ReadControlSpace");
    /** 0x3138 WriteControlSpace. */
    public static final ManipulateApi WRITE_CONTROL_SPACE = known(0x3138, "WriteControlSpace");
    /** 0x3139 ReadIoSpace. */
    public static final ManipulateApi READ_IO_SPACE = known(0x3139, "ReadIoSpace");
    /** 0x313A WriteIoSpace. */
    public static final ManipulateApi WRITE_IO_SPACE = known(0x313A, "WriteIoSpace");
    /** 0x313B Reboot (no reply). */
    public static final ManipulateApi REBOOT = known(0x313B, "Reboot");
    /** 0x313C Continue2 (no reply). */
    public static final ManipulateApi CONTINUE2 = known(0x313C, "Continue2");
    /** 0x313D ReadPhysicalMemory. */
    public static final ManipulateApi READ_PHYSICAL_MEMORY = known(0x313D, "ReadPhysicalMemory");
    /** 0x313E WritePhysicalMemory. */
    public static final ManipulateApi WRITE_PHYSICAL_MEMORY = known(0x313E, "WritePhysicalMemory");
    /** 0x313F QuerySpecialCalls. */
    public static final ManipulateApi QUERY_SPECIAL_CALLS = known(0x313F, "QuerySpecialCalls");
    /** 0x3140 SetSpecialCall. */
    public static final ManipulateApi SET_SPECIAL_CALL = known(0x3140, "SetSpecialCall");
    /** 0x3141 ClearSpecialCalls. */
    public static final ManipulateApi CLEAR_SPECIAL_CALLS = known(0x3141, "ClearSpecialCalls");
    /** 0x3142 SetInternalBreakPoint. */
    public static final ManipulateApi SET_INTERNAL_BREAKPOINT = known(0x3142, "SetInternalBreakPoint");
    /** 0x3143 GetInternalBreakPoint. */
    public static final ManipulateApi GET_INTERNAL_BREAKPOINT = known(0x3143, "GetInternalBreakPoint");
    /** 0x3144 ReadIoSpaceExtended. */
    public static final ManipulateApi READ_IO_SPACE_EXTENDED = known(0x3144, "ReadIoSpaceExtended");
    /** 0x3145 WriteIoSpaceExtended. */
    public static final ManipulateApi WRITE_IO_SPACE_EXTENDED = known(0x3145, "WriteIoSpaceExtended");
    /** 0x3146 GetVersion: the reply union is a {@link GetVersion64}. */
    public static final ManipulateApi GET_VERSION = known(0x3146, "GetVersion");
    /** 0x3147 WriteBreakPointEx. */
    public static final ManipulateApi WRITE_BREAKPOINT_EX = known(0x3147, "WriteBreakPointEx");
    /** 0x3148 RestoreBreakPointEx. */
    public static final ManipulateApi RESTORE_BREAKPOINT_EX = known(0x3148, "RestoreBreakPointEx");
    /** 0x3149 CauseBugCheck (no reply). */
    public static final ManipulateApi CAUSE_BUGCHECK = known(0x3149, "CauseBugCheck");
    /** 0x3150 SwitchProcessor (no manipulate reply: the selected CPU sends a state change). */
    public static final ManipulateApi SWITCH_PROCESSOR = known(0x3150, "SwitchProcessor");
    /** 0x3151 PageIn (obsolete). */
    public static final ManipulateApi PAGE_IN = known(0x3151, "PageIn");
    /** 0x3152 ReadMachineSpecificRegister. */
    public static final ManipulateApi READ_MSR = known(0x3152, "ReadMachineSpecificRegister");
    /** 0x3153 WriteMachineSpecificRegister. */
    public static final ManipulateApi WRITE_MSR = known(0x3153, "WriteMachineSpecificRegister");
    /** 0x3154 OldVlm1 (obsolete). */
    public static final ManipulateApi OLD_VLM1 = known(0x3154, "OldVlm1");
    /** 0x3155 OldVlm2 (obsolete). */
    public static final ManipulateApi OLD_VLM2 = known(0x3155, "OldVlm2");
    /** 0x3156 SearchMemory. */
    public static final ManipulateApi SEARCH_MEMORY = known(0x3156, "SearchMemory");
    /** 0x3157 GetBusData. */
    public static final ManipulateApi GET_BUS_DATA = known(0x3157, "GetBusData");
    /** 0x3158 SetBusData. */
    public static final ManipulateApi SET_BUS_DATA = known(0x3158, "SetBusData");
    /** 0x3159 CheckLowMemory. */
    public static final ManipulateApi CHECK_LOW_MEMORY = known(0x3159, "CheckLowMemory");
    /** 0x315A ClearAllInternalBreakpoints (no reply). */
    public static final ManipulateApi CLEAR_ALL_INTERNAL_BREAKPOINTS = known(0x315A, "ClearAllInternalBreakpoints");
    /** 0x315B FillMemory. */
    public static final ManipulateApi FILL_MEMORY = known(0x315B, "FillMemory");
    /** 0x315C QueryMemory. */
    public static final ManipulateApi QUERY_MEMORY = known(0x315C, "QueryMemory");
    /** 0x315D SwitchPartition. */
    public static final ManipulateApi SWITCH_PARTITION = known(0x315D, "SwitchPartition");
    /** 0x315E WriteCustomBreakpoint (ReactOS numbering; one Windows 10 header calls it MidoriApi). */
    public static final ManipulateApi WRITE_CUSTOM_BREAKPOINT = known(0x315E, "WriteCustomBreakpoint");
    /** 0x315F GetContextEx: part of the CONTEXT. */
    public static final ManipulateApi GET_CONTEXT_EX = known(0x315F, "GetContextEx");
    /** 0x3160 SetContextEx: part of the CONTEXT. */
    public static final ManipulateApi SET_CONTEXT_EX = known(0x3160, "SetContextEx");
    /** 0x3161 WriteCustomBreakPoint in the newer (Windows 10) numbering. */
    public static final ManipulateApi WRITE_CUSTOM_BREAKPOINT_NEWER = known(0x3161, "WriteCustomBreakPointNewer");
    /** 0x3162 ReadPhysicalMemoryLong. */
    public static final ManipulateApi READ_PHYSICAL_MEMORY_LONG = known(0x3162, "ReadPhysicalMemoryLong");

    private final int number;
    private final String name;

    private ManipulateApi(int number, String name) {
        this.number = number;
        this.name = name;
    }

    private static ManipulateApi known(int number, String name) {
        ManipulateApi api = new ManipulateApi(number, name);
        KNOWN.put(number, api);
        return api;
    }

    /** The named constant for {@code number}, or a new {@code Unknown(0x....)} instance carrying it. */
    public static ManipulateApi valueOf(int number) {
        ManipulateApi api = KNOWN.get(number);
        return api != null ? api : new ManipulateApi(number, String.format("Unknown(0x%04X)", number));
    }

    /** Every named API, in number order. */
    public static Collection<ManipulateApi> known() {
        return Collections.unmodifiableCollection(KNOWN.values());
    }

    /** The 32-bit ApiNumber. */
    public int number() {
        return number;
    }

    /** The API's name, e.g. {@code ReadVirtualMemory}, or {@code Unknown(0x3199)}. */
    public String name() {
        return name;
    }

    /** True if this number is one of the named constants. */
    public boolean isKnown() {
        return KNOWN.containsKey(number);
    }

    /**
     * False for the APIs a target acknowledges without a manipulate reply (§3.2): Continue, Continue2, Reboot,
     * CauseBugCheck, SwitchProcessor and ClearAllInternalBreakpoints; true for every other number.
     */
    public boolean hasReply() {
        return !(equals(CONTINUE) || equals(CONTINUE2) || equals(REBOOT) || equals(CAUSE_BUGCHECK)
                || equals(SWITCH_PROCESSOR) || equals(CLEAR_ALL_INTERNAL_BREAKPOINTS));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ManipulateApi other && number == other.number;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(number);
    }

    @Override
    public String toString() {
        return isKnown() ? String.format("%s(0x%04X)", name, number) : name;
    }
}
