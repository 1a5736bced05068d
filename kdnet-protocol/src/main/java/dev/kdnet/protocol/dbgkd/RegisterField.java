package dev.kdnet.protocol.dbgkd;

/** A little-endian field of a {@link RegisterBlock}: where it starts and how many bytes (1, 2, 4 or 8) it has. */
interface RegisterField {
    /** Byte offset within the block. */
    int offset();

    /** Width in bytes. */
    int size();
}
