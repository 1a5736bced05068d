package dev.kdnet.host.decode;

import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.FileIo;
import java.util.ArrayList;
import java.util.List;

/** Describes DEBUG_IO (PrintString, GetString) and FILE_IO (CreateFile, ReadFile, …) payloads. */
final class IoDescriber {
    private IoDescriber() {
    }

    /** The DEBUG_IO API and its text, quoted. */
    static List<Field> fields(DebugIo io) {
        String api = switch (io.apiNumber()) {
            case DebugIo.PRINT_STRING -> "PrintString";
            case DebugIo.GET_STRING -> "GetString";
            default -> String.format("DebugIo(0x%x)", io.apiNumber());
        };
        return List.of(Field.bare("api", api), Field.quoted("text", io.text()));
    }

    /** The FILE_IO API, its status and, when the data holds one, the file name. */
    static List<Field> fields(FileIo io) {
        String api = switch (io.apiNumber()) {
            case FileIo.CREATE_FILE -> "CreateFile";
            case FileIo.READ_FILE -> "ReadFile";
            case FileIo.WRITE_FILE -> "WriteFile";
            case FileIo.CLOSE_FILE -> "CloseFile";
            default -> String.format("FileIo(0x%x)", io.apiNumber());
        };
        List<Field> fields = new ArrayList<>(List.of(Field.bare("api", api), Field.hex32("status", io.status())));
        if (io.apiNumber() == FileIo.CREATE_FILE && !io.fileName().isEmpty()) {
            fields.add(Field.quoted("file", io.fileName()));
        }
        return fields;
    }
}
