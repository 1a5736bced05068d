package dev.kdnet.host.api;

import dev.kdnet.protocol.dbgkd.ManipulateApi;

/** Which addresses a memory transfer uses. */
public enum MemorySpace {
    /** Kernel virtual addresses, translated by the target's page tables. */
    VIRTUAL(ManipulateApi.READ_VIRTUAL_MEMORY, ManipulateApi.WRITE_VIRTUAL_MEMORY),
    /** Physical addresses. */
    PHYSICAL(ManipulateApi.READ_PHYSICAL_MEMORY, ManipulateApi.WRITE_PHYSICAL_MEMORY);

    private final ManipulateApi read;
    private final ManipulateApi write;

    MemorySpace(ManipulateApi read, ManipulateApi write) {
        this.read = read;
        this.write = write;
    }

    ManipulateApi read() {
        return read;
    }

    ManipulateApi write() {
        return write;
    }
}
