package dev.kdnet.host.shell;

import dev.kdnet.host.api.ModuleInfo;
import java.util.List;
import java.util.Optional;

/** Module names as WinDbg writes them: {@code nt} for the kernel, the file name without extension for the others. */
final class ModuleNames {
    private ModuleNames() {
    }

    /** {@code nt} for ntoskrnl.exe, {@code hal} for hal.dll. */
    static String shortName(ModuleInfo module) {
        return module.name().equalsIgnoreCase("ntoskrnl.exe") ? "nt"
                : module.name().replaceFirst("(?i)\\.(exe|dll|sys)$", "");
    }

    /** {@code nt+0x1010} for an address inside a module of {@code modules}; empty elsewhere. */
    static Optional<String> symbolic(long address, List<ModuleInfo> modules) {
        return modules.stream().filter(m -> Long.compareUnsigned(address - m.base(), m.size()) < 0).findFirst()
                .map(m -> shortName(m) + "+0x" + Long.toHexString(address - m.base()));
    }
}
