package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.dbgkd.GetVersion64;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A real Windows 10/11 x64 release the simulator presents: its build number, NtBuildLab string, the size of its
 * KDDEBUGGER_DATA64 and the GetVersion block its kernel debugger reports (kd-protocol §3.3, §3.11).
 *
 * <p>Choices where the spec leaves room:
 * <ul>
 *   <li>KDDEBUGGER_DATA64 size: 0x368 up to Redstone 4 (17134, the block ends with PteBase) and 0x380 from
 *       Redstone 5 on (the retpoline fields); Windows 11 appends fields after those, which the simulated kernel
 *       does not emit, so 22621 reports 0x380 as well.</li>
 *   <li>GetVersion Flags: MP|DATA|PTR64 (0x07, the real Windows 8.1 value) before 19041; 19041 and later add
 *       HAL_IN_NTOS (0x47), since 2004 is the release that moved the HAL into ntoskrnl.</li>
 *   <li>MaxManipulate 0x33 (the Windows 10 API count) for every build.</li>
 * </ul>
 */
public enum WindowsBuild {
    /** Windows 10 version 1803 (Redstone 4). */
    BUILD_17134(17134, "Windows 10 1803", "17134.1.amd64fre.rs4_release.180410-1804", 0x368),
    /** Windows 10 version 1903 (19H1). */
    BUILD_18362(18362, "Windows 10 1903", "18362.1.amd64fre.19h1_release.190318-1202", 0x380),
    /** Windows 10 version 2004 (Vibranium), the default. */
    BUILD_19041(19041, "Windows 10 2004", "19041.1.amd64fre.vb_release.191206-1406", 0x380),
    /** Windows 11 version 22H2 (Nickel). */
    BUILD_22621(22621, "Windows 11 22H2", "22621.1.amd64fre.ni_release.220506-1250", 0x380);

    /** The build the simulator presents unless told otherwise: Windows 10 2004. */
    public static final WindowsBuild DEFAULT = BUILD_19041;

    /** MajorVersion of a free (retail) NT kernel: DBGKD_MAJOR_NT in the high byte, 0x0F in the low byte. */
    static final int MAJOR_VERSION_FREE_BUILD = 0x000F;
    /** MaxPacketType: one past the highest KD packet type. */
    static final int MAX_PACKET_TYPE = 0x0C;
    /** MaxStateChange: the number of state-change kinds (0x3033 - 0x3030). */
    static final int MAX_STATE_CHANGE = 3;
    /** MaxManipulate: the number of manipulate APIs of Windows 10 (0x3163 - 0x3130). */
    static final int MAX_MANIPULATE = 0x33;
    private static final int FIRST_BUILD_WITH_HAL_IN_NTOS = 19041;
    private static final DateTimeFormatter LAB_DATE = DateTimeFormatter.ofPattern("yyMMdd-HHmm");

    private final int buildNumber;
    private final String releaseName;
    private final String ntBuildLab;
    private final int kdDebuggerDataSize;

    WindowsBuild(int buildNumber, String releaseName, String ntBuildLab, int kdDebuggerDataSize) {
        this.buildNumber = buildNumber;
        this.releaseName = releaseName;
        this.ntBuildLab = ntBuildLab;
        this.kdDebuggerDataSize = kdDebuggerDataSize;
    }

    /** The build number, e.g. 19041; GetVersion reports it as MinorVersion. */
    public int buildNumber() {
        return buildNumber;
    }

    /** The marketing name, e.g. "Windows 10 2004". */
    public String releaseName() {
        return releaseName;
    }

    /** The kernel's NtBuildLab string, e.g. "19041.1.amd64fre.vb_release.191206-1406". */
    public String ntBuildLab() {
        return ntBuildLab;
    }

    /** KDDEBUGGER_DATA64 Header.Size of this build (0x368 or 0x380, see the type's notes). */
    public int kdDebuggerDataSize() {
        return kdDebuggerDataSize;
    }

    /** GetVersion Flags: MP|DATA|PTR64, plus HAL_IN_NTOS from 19041 on. */
    public int versionFlags() {
        int flags = GetVersion64.FLAG_MP | GetVersion64.FLAG_DATA | GetVersion64.FLAG_PTR64;
        return buildNumber >= FIRST_BUILD_WITH_HAL_IN_NTOS ? flags | GetVersion64.FLAG_HAL_IN_NTOS : flags;
    }

    /** The DBGKD_GET_VERSION64 this kernel's debugger stub answers GetVersion with. */
    public GetVersion64 version(long kernBase, long psLoadedModuleList, long debuggerDataList) {
        return new GetVersion64(MAJOR_VERSION_FREE_BUILD, buildNumber, GetVersion64.PROTOCOL_VERSION,
                GetVersion64.SECONDARY_VERSION_AMD64_CONTEXT, versionFlags(), GetVersion64.MACHINE_AMD64,
                MAX_PACKET_TYPE, MAX_STATE_CHANGE, MAX_MANIPULATE, 0, 0, kernBase, psLoadedModuleList,
                debuggerDataList);
    }

    /** The PE TimeDateStamp of this build's images: the lab date at the end of NtBuildLab, as UTC seconds. */
    int imageTimeDateStamp() {
        String date = ntBuildLab.substring(ntBuildLab.lastIndexOf('.') + 1);
        return (int) LocalDateTime.parse(date, LAB_DATE).toEpochSecond(ZoneOffset.UTC);
    }

    /** The release with build number {@code buildNumber}; IllegalArgumentException naming the supported ones. */
    public static WindowsBuild of(int buildNumber) {
        return Arrays.stream(values()).filter(build -> build.buildNumber == buildNumber).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported Windows build " + buildNumber
                        + "; supported: " + Arrays.stream(values()).map(build -> String.valueOf(build.buildNumber))
                                .collect(Collectors.joining(", "))));
    }
}
