package dev.kdnet.host.api;

/**
 * A loaded kernel module, from its KLDR_DATA_TABLE_ENTRY.
 *
 * @param entry    the address of the entry
 * @param base     DllBase
 * @param size     SizeOfImage
 * @param fullName FullDllName
 * @param name     BaseDllName
 */
public record ModuleInfo(long entry, long base, long size, String fullName, String name) {
    @Override
    public String toString() {
        return String.format("%016X %016X %s", base, base + size, name);
    }
}
