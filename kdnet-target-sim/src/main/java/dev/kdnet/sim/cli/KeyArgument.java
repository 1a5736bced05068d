package dev.kdnet.sim.cli;

import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.key.KeyFormatException;

/** A KDNET key as the user writes it, in {@code --key} or in {@code key:} of {@code --dbgsettings}. */
final class KeyArgument {
    private KeyArgument() {
    }

    /** Parses {@code text}; the error names the part and the rule, as {@link KdnetKey#parse} words it. */
    static KdnetKey parse(String text) {
        try {
            return KdnetKey.parse(text);
        } catch (KeyFormatException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
