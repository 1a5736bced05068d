package dev.kdnet.sim.kernel;

import java.util.Objects;

/**
 * One entry of PsLoadedModuleList, as its KLDR_DATA_TABLE_ENTRY and its PE headers in memory describe it.
 *
 * @param name     BaseDllName, e.g. "ntoskrnl.exe"
 * @param path     FullDllName, e.g. "\SystemRoot\system32\ntoskrnl.exe"
 * @param base     DllBase: where the MZ header is mapped
 * @param size     SizeOfImage
 * @param checksum the PE CheckSum (also the entry's CheckSum)
 */
public record LoadedModule(String name, String path, long base, int size, int checksum) {
    /** Checks that the names are present. */
    public LoadedModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }
}
