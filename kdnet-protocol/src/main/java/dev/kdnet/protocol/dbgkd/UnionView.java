package dev.kdnet.protocol.dbgkd;

import java.nio.ByteBuffer;

/**
 * A typed view of some fields of a payload union: the 40-byte union of {@link ManipulateState64} or the
 * 160-byte union of {@link StateChange64}. Each view reads its fields with a static {@code from(ByteBuffer union)}
 * and writes them back with {@link #writeInto}, which leaves every other byte alone, so garbage in unused union
 * bytes survives a request→reply echo.
 */
public interface UnionView {
    /**
     * A copy of the remaining bytes of {@code union} with this view's fields overwritten and every other byte
     * unchanged; {@code union} itself is not changed.
     *
     * @throws IllegalArgumentException if {@code union} is not as long as the union this view belongs to
     */
    ByteBuffer writeInto(ByteBuffer union);
}
