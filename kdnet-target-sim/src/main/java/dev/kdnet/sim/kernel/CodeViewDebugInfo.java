package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What a debugger needs to find an image's symbols: one IMAGE_DEBUG_DIRECTORY entry of type CODEVIEW that points
 * at an "RSDS" record (PDB 7.0: signature, GUID, age, NUL-terminated PDB file name).
 *
 * @param guid    the PDB signature GUID
 * @param age     the PDB age
 * @param pdbName the PDB file name, e.g. "ntkrnlmp.pdb"
 */
record CodeViewDebugInfo(UUID guid, int age, String pdbName) {
    /** Bytes of one IMAGE_DEBUG_DIRECTORY entry. */
    static final int DIRECTORY_ENTRY_SIZE = 28;
    /** IMAGE_DEBUG_TYPE_CODEVIEW. */
    static final int TYPE_CODEVIEW = 2;
    /** The CodeView 7.0 signature "RSDS" as a little-endian u32. */
    static final int RSDS = 0x5344_5352;

    /** The RSDS record. */
    byte[] record() {
        byte[] name = KernelMemory.asciiZ(pdbName);
        byte[] bytes = new byte[24 + name.length];
        WireBytes.wrap(bytes).putInt(0, RSDS);
        long high = guid.getMostSignificantBits();
        ByteBuffer bytesBuffer = WireBytes.wrap(bytes);
        bytesBuffer.putInt(4, (int) (high >>> 32));
        bytesBuffer.putShort(8, (short) ((int) (high >>> 16)));
        bytesBuffer.putShort(10, (short) ((int) high));
        for (int i = 0; i < 8; i++) {
            bytes[12 + i] = (byte) (guid.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        WireBytes.wrap(bytes).putInt(20, age);
        System.arraycopy(name, 0, bytes, 24, name.length);
        return bytes;
    }

    /** The directory entry for a record of {@link #record()}'s length at {@code recordRva} (file offset = RVA). */
    byte[] directoryEntry(int timeDateStamp, int recordRva) {
        byte[] entry = new byte[DIRECTORY_ENTRY_SIZE];
        ByteBuffer entryBuffer = WireBytes.wrap(entry);
        entryBuffer.putInt(4, timeDateStamp);
        entryBuffer.putInt(12, TYPE_CODEVIEW);
        entryBuffer.putInt(16, record().length);
        entryBuffer.putInt(20, recordRva);
        entryBuffer.putInt(24, recordRva);
        return entry;
    }

    /** A deterministic GUID for {@code pdbName} of a build: the same build always gets the same one. */
    static UUID guidFor(String pdbName, WindowsBuild build) {
        return UUID.nameUUIDFromBytes((pdbName + " " + build.ntBuildLab()).getBytes(StandardCharsets.US_ASCII));
    }
}
