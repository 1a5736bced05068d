package dev.kdnet.protocol.dbgkd;

import java.nio.ByteBuffer;
/**
 * DBGKD_SEARCH_MEMORY (kd-protocol §3.2), the SearchMemory (0x3156) union; the request data is the pattern.
 *
 * <pre>
 *   u+0x00  8  SearchAddress (→ reply: FoundAddress)
 *   u+0x08  8  SearchLength
 *   u+0x10  4  PatternLength
 * </pre>
 *
 * @param searchAddress where to start; in a reply, where the pattern was found
 * @param searchLength  bytes to search
 * @param patternLength length of the pattern in the data
 */
public record SearchMemory(long searchAddress, long searchLength, int patternLength) implements UnionView {
    /** Reads the fields from a 40-byte manipulate union. */
    public static SearchMemory from(ByteBuffer union) {
        ByteBuffer u = ManipulateState64.requireUnion(union);
        return new SearchMemory(u.getLong(0), u.getLong(8), u.getInt(0x10));
    }

    /** The same request with FoundAddress (which shares SearchAddress's place) set, as a target replies. */
    public SearchMemory withFoundAddress(long foundAddress) {
        return new SearchMemory(foundAddress, searchLength, patternLength);
    }

    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = ManipulateState64.unionCopy(union);
        out.putLong(0, searchAddress);
        out.putLong(8, searchLength);
        out.putInt(0x10, patternLength);
        return out;
    }
}
