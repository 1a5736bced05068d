package dev.kdnet.host.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.host.api.Breakpoint;
import dev.kdnet.host.api.ModuleInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakpointIdsTest {
    private static final long NT = 0xFFFF_F804_7A00_0000L;
    private final List<Breakpoint> existing = List.of(new Breakpoint(0, NT + 0x1010, 1, true, true),
            new Breakpoint(2, NT + 0x2000, 2, true, true), new Breakpoint(3, NT + 0x3000, 0, false, false));

    @Test
    void idsListsRangesAndStar() {
        assertThat(BreakpointIds.parse("2").select(existing)).extracting(Breakpoint::id).containsExactly(2);
        assertThat(BreakpointIds.parse("0 3").select(existing)).extracting(Breakpoint::id).containsExactly(0, 3);
        assertThat(BreakpointIds.parse("3,0").select(existing)).extracting(Breakpoint::id).containsExactly(3, 0);
        assertThat(BreakpointIds.parse("1-3").select(existing)).extracting(Breakpoint::id).containsExactly(2, 3);
        assertThat(BreakpointIds.parse("*").select(existing)).isEqualTo(existing);
    }

    @Test
    void aWordThatIsNotAnIdSaysWhatWouldBeRight() {
        assertThatThrownBy(() -> BreakpointIds.parse("abc")).isInstanceOf(ShellException.class)
                .hasMessage("\"abc\" is not a breakpoint id: give ids from bl: 1, 1 3, 1,3, 1-3 or *");
        assertThatThrownBy(() -> BreakpointIds.parse("3-1")).hasMessage(
                "breakpoint range 3-1 runs backwards: write 1-3");
    }

    @Test
    void anIdThatNamesNoBreakpointSaysSo() {
        assertThatThrownBy(() -> BreakpointIds.parse("1").select(existing)).hasMessage(
                "no breakpoint 1 (bl lists them)");
        assertThatThrownBy(() -> BreakpointIds.parse("0").select(List.of())).hasMessage(
                "no breakpoint 0: there are none");
    }

    @Test
    void blLinesHaveWindbgsShape() {
        List<ModuleInfo> modules = List.of(new ModuleInfo(0, NT, 0x100000, "\\SystemRoot\\system32\\ntoskrnl.exe",
                "ntoskrnl.exe"));
        assertThat(BreakpointCommands.listLine(existing.get(0), modules))
                .isEqualTo(" 0 e Disable Clear  fffff804`7a001010     0001 (0001) nt+0x1010");
        assertThat(BreakpointCommands.listLine(existing.get(2), modules))
                .isEqualTo(" 3 d Enable  Clear  fffff804`7a003000     0001 (0001) nt+0x3000");
        assertThat(BreakpointCommands.listLine(new Breakpoint(1, 0x1000, 0, true, true), modules))
                .isEqualTo(" 1 e Disable Clear  00000000`00001000     0001 (0001)");
    }
}
