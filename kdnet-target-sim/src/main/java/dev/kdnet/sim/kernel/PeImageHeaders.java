package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The headers page of a simulated PE32+ image (Microsoft PE/COFF specification): DOS header with the classic
 * stub, "PE\0\0", COFF file header (AMD64), optional header, 16 data directories (only Debug is used) and the
 * section table. FileAlignment equals SectionAlignment (4 KiB), so a raw offset is the RVA. CheckSum is left zero
 * for {@link PeChecksum}.
 *
 * @param imageBase          ImageBase: where the image is mapped
 * @param sizeOfImage        SizeOfImage
 * @param entryPointRva      AddressOfEntryPoint
 * @param timeDateStamp      COFF TimeDateStamp
 * @param dll                true for a DLL (IMAGE_FILE_DLL), false for an .exe or .sys
 * @param sections           the section table
 * @param debugDirectoryRva  RVA of the debug directory, 0 if none
 * @param debugDirectorySize its size in bytes
 */
record PeImageHeaders(long imageBase, int sizeOfImage, int entryPointRva, int timeDateStamp, boolean dll,
        List<PeSection> sections, int debugDirectoryRva, int debugDirectorySize) {
    /** Bytes of the headers: one page. */
    static final int SIZE = PhysicalMemory.PAGE_SIZE;
    /** e_lfanew: where "PE\0\0" starts. */
    static final int NT_HEADERS = 0x80;
    /** Offset of the e_lfanew field in the DOS header. */
    static final int E_LFANEW = 0x3C;
    /** The COFF file header, after the signature. */
    static final int FILE_HEADER = NT_HEADERS + 4;
    /** The optional header. */
    static final int OPTIONAL_HEADER = FILE_HEADER + 20;
    /** Offset of CheckSum in the headers. */
    static final int CHECKSUM = OPTIONAL_HEADER + 0x40;
    /** The data directories. */
    static final int DATA_DIRECTORIES = OPTIONAL_HEADER + 0x70;
    /** Index of the debug directory among the data directories. */
    static final int DEBUG_DIRECTORY_INDEX = 6;
    /** Size of the PE32+ optional header with 16 data directories. */
    static final int OPTIONAL_HEADER_SIZE = 0xF0;
    /** The section table. */
    static final int SECTION_TABLE = OPTIONAL_HEADER + OPTIONAL_HEADER_SIZE;
    /** IMAGE_FILE_MACHINE_AMD64. */
    static final int MACHINE_AMD64 = 0x8664;
    /** PE32+ optional-header magic. */
    static final int MAGIC_PE32_PLUS = 0x20B;

    private static final byte[] DOS_STUB_CODE = {0x0E, 0x1F, (byte) 0xBA, 0x0E, 0x00, (byte) 0xB4, 0x09, (byte) 0xCD,
            0x21, (byte) 0xB8, 0x01, 0x4C, (byte) 0xCD, 0x21};
    private static final String DOS_STUB_TEXT = "This program cannot be run in DOS mode.\r\r\n$";
    private static final int DOS_STUB = 0x40;
    private static final int EXECUTABLE_IMAGE = 0x0002;
    private static final int LARGE_ADDRESS_AWARE = 0x0020;
    private static final int FILE_DLL = 0x2000;
    private static final int SUBSYSTEM_NATIVE = 1;
    /** HIGH_ENTROPY_VA | DYNAMIC_BASE | NX_COMPAT | GUARD_CF, as current Windows kernel images have. */
    private static final int DLL_CHARACTERISTICS = 0x4160;
    private static final int WINDOWS_10 = 10;
    private static final int DATA_DIRECTORY_COUNT = 16;

    /** Copies the section list and checks that the table fits in the headers page. */
    PeImageHeaders {
        sections = List.copyOf(sections);
        if (SECTION_TABLE + sections.size() * PeSection.HEADER_SIZE > SIZE) {
            throw new IllegalArgumentException("too many sections: " + sections.size());
        }
    }

    /** The headers page, CheckSum zero. */
    byte[] encode() {
        byte[] page = new byte[SIZE];
        writeDosHeader(page);
        page[NT_HEADERS] = 'P';
        page[NT_HEADERS + 1] = 'E';
        writeFileHeader(page);
        writeOptionalHeader(page);
        for (int i = 0; i < sections.size(); i++) {
            writeSectionHeader(page, SECTION_TABLE + i * PeSection.HEADER_SIZE, sections.get(i));
        }
        return page;
    }

    private static void writeDosHeader(byte[] page) {
        page[0] = 'M';
        page[1] = 'Z';
        ByteBuffer pageBuffer = WireBytes.wrap(page);
        pageBuffer.putShort(0x02, (short) 0x90);
        pageBuffer.putShort(0x04, (short) 3);
        pageBuffer.putShort(0x08, (short) 4);
        pageBuffer.putShort(0x0C, (short) 0xFFFF);
        pageBuffer.putShort(0x10, (short) 0xB8);
        pageBuffer.putShort(0x18, (short) DOS_STUB);
        pageBuffer.putInt(E_LFANEW, NT_HEADERS);
        System.arraycopy(DOS_STUB_CODE, 0, page, DOS_STUB, DOS_STUB_CODE.length);
        byte[] text = DOS_STUB_TEXT.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, page, DOS_STUB + DOS_STUB_CODE.length, text.length);
    }

    private void writeFileHeader(byte[] page) {
        ByteBuffer pageBuffer = WireBytes.wrap(page);
        pageBuffer.putShort(FILE_HEADER, (short) MACHINE_AMD64);
        pageBuffer.putShort(FILE_HEADER + 2, (short) (sections.size()));
        pageBuffer.putInt(FILE_HEADER + 4, timeDateStamp);
        pageBuffer.putShort(FILE_HEADER + 16, (short) OPTIONAL_HEADER_SIZE);
        pageBuffer.putShort(FILE_HEADER + 18, (short) (EXECUTABLE_IMAGE | LARGE_ADDRESS_AWARE | (dll ? FILE_DLL : 0)));
    }

    private void writeOptionalHeader(byte[] page) {
        int o = OPTIONAL_HEADER;
        ByteBuffer pageBuffer = WireBytes.wrap(page);
        pageBuffer.putShort(o, (short) MAGIC_PE32_PLUS);
        pageBuffer.put(o + 0x02, (byte) 14);
        pageBuffer.put(o + 0x03, (byte) 20);
        pageBuffer.putInt(o + 0x04, sumOfSizes(true));
        pageBuffer.putInt(o + 0x08, sumOfSizes(false));
        pageBuffer.putInt(o + 0x10, entryPointRva);
        pageBuffer.putInt(o + 0x14, sections.stream().filter(PeSection::isCode)
                .mapToInt(PeSection::virtualAddress).findFirst().orElse(0));
        pageBuffer.putLong(o + 0x18, imageBase);
        pageBuffer.putInt(o + 0x20, PhysicalMemory.PAGE_SIZE);
        pageBuffer.putInt(o + 0x24, PhysicalMemory.PAGE_SIZE);
        pageBuffer.putShort(o + 0x28, (short) WINDOWS_10);
        pageBuffer.putShort(o + 0x2C, (short) WINDOWS_10);
        pageBuffer.putShort(o + 0x30, (short) WINDOWS_10);
        pageBuffer.putInt(o + 0x38, sizeOfImage);
        pageBuffer.putInt(o + 0x3C, SIZE);
        pageBuffer.putShort(o + 0x44, (short) SUBSYSTEM_NATIVE);
        pageBuffer.putShort(o + 0x46, (short) DLL_CHARACTERISTICS);
        pageBuffer.putLong(o + 0x48, 0x8_0000);
        pageBuffer.putLong(o + 0x50, 0x1000);
        pageBuffer.putLong(o + 0x58, 0x10_0000);
        pageBuffer.putLong(o + 0x60, 0x1000);
        pageBuffer.putInt(o + 0x6C, DATA_DIRECTORY_COUNT);
        int debug = DATA_DIRECTORIES + DEBUG_DIRECTORY_INDEX * 8;
        WireBytes.wrap(page).putInt(debug, debugDirectoryRva);
        WireBytes.wrap(page).putInt(debug + 4, debugDirectorySize);
    }

    private int sumOfSizes(boolean code) {
        return sections.stream().filter(section -> section.isCode() == code).mapToInt(PeSection::size).sum();
    }

    private static void writeSectionHeader(byte[] page, int at, PeSection section) {
        byte[] name = section.name().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, page, at, name.length);
        ByteBuffer pageBuffer = WireBytes.wrap(page);
        pageBuffer.putInt(at + 8, section.size());
        pageBuffer.putInt(at + 12, section.virtualAddress());
        pageBuffer.putInt(at + 16, section.size());
        pageBuffer.putInt(at + 20, section.virtualAddress());
        pageBuffer.putInt(at + 36, section.characteristics());
    }
}
