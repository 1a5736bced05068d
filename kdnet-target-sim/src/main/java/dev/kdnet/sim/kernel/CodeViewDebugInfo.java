package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.LittleEndian;
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
        LittleEndian.putU32(bytes, 0, RSDS);
        long high = guid.getMostSignificantBits();
        LittleEndian.putU32(bytes, 4, (int) (high >>> 32));
        LittleEndian.putU16(bytes, 8, (int) (high >>> 16));
        LittleEndian.putU16(bytes, 10, (int) high);
        for (int i = 0; i < 8; i++) {
            bytes[12 + i] = (byte) (guid.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        LittleEndian.putU32(bytes, 20, age);
        System.arraycopy(name, 0, bytes, 24, name.length);
        return bytes;
    }

    /** The directory entry for a record of {@link #record()}'s length at {@code recordRva} (file offset = RVA). */
    byte[] directoryEntry(int timeDateStamp, int recordRva) {
        byte[] entry = new byte[DIRECTORY_ENTRY_SIZE];
        LittleEndian.putU32(entry, 4, timeDateStamp);
        LittleEndian.putU32(entry, 12, TYPE_CODEVIEW);
        LittleEndian.putU32(entry, 16, record().length);
        LittleEndian.putU32(entry, 20, recordRva);
        LittleEndian.putU32(entry, 24, recordRva);
        return entry;
    }

    /** A deterministic GUID for {@code pdbName} of a build: the same build always gets the same one. */
    static UUID guidFor(String pdbName, WindowsBuild build) {
        return UUID.nameUUIDFromBytes((pdbName + " " + build.ntBuildLab()).getBytes(StandardCharsets.US_ASCII));
    }
}
