package dev.kdnet.host.decode;

import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Describes a STATE_MANIPULATE payload: API name, processor, return status, and the memory transfer fields. */
final class ManipulateDescriber {
    private static final Set<ManipulateApi> MEMORY_APIS = Set.of(
            ManipulateApi.READ_VIRTUAL_MEMORY, ManipulateApi.WRITE_VIRTUAL_MEMORY,
            ManipulateApi.READ_PHYSICAL_MEMORY, ManipulateApi.WRITE_PHYSICAL_MEMORY,
            ManipulateApi.READ_CONTROL_SPACE, ManipulateApi.WRITE_CONTROL_SPACE);

    private ManipulateDescriber() {
    }

    /** {@code api}, {@code proc}, {@code status}, and for memory APIs {@code addr}, {@code count}, {@code actual}. */
    static List<Field> fields(ManipulateState64 state) {
        List<Field> fields = new ArrayList<>(List.of(
                Field.bare("api", state.api().name()),
                Field.number("proc", state.processor()),
                Field.hex32("status", state.returnStatus())));
        if (MEMORY_APIS.contains(state.api())) {
            MemoryTransfer transfer = MemoryTransfer.from(state.union());
            fields.add(Field.address("addr", transfer.targetBaseAddress()));
            fields.add(Field.number("count", Integer.toUnsignedLong(transfer.transferCount())));
            fields.add(Field.number("actual", Integer.toUnsignedLong(transfer.actualBytes())));
        }
        return fields;
    }
}
