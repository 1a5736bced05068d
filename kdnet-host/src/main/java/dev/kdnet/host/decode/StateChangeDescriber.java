package dev.kdnet.host.decode;

import dev.kdnet.protocol.dbgkd.ExceptionRecord64;
import dev.kdnet.protocol.dbgkd.StateChange64;
import java.util.List;

/** Describes a STATE_CHANGE64 payload: the new state, the PC, and the exception code, module path or command. */
final class StateChangeDescriber {
    private StateChangeDescriber() {
    }

    /** The state's name, {@code pc}, and {@code code}, {@code path} or {@code name} and {@code command}. */
    static List<Field> fields(StateChange64 change) {
        Field pc = Field.address("pc", change.programCounter());
        List<String> strings = change.extraStrings();
        return switch (change.newState()) {
            case StateChange64.EXCEPTION -> List.of(Field.bare("state", "ExceptionStateChange"), pc,
                    Field.hex32("code", ExceptionRecord64.from(change.union()).code()));
            case StateChange64.LOAD_SYMBOLS -> List.of(Field.bare("state", "LoadSymbolsStateChange"), pc,
                    Field.quoted("path", strings.isEmpty() ? "" : strings.get(0)));
            case StateChange64.COMMAND_STRING -> List.of(Field.bare("state", "CommandStringStateChange"), pc,
                    Field.quoted("name", strings.isEmpty() ? "" : strings.get(0)),
                    Field.quoted("command", strings.size() < 2 ? "" : strings.get(1)));
            default -> List.of(Field.bare("state", String.format("StateChange(0x%x)", change.newState())), pc);
        };
    }
}
