package dev.kdnet.protocol.args;

import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.key.KeyFormatException;

/** A KDNET key as the user writes it ({@code w.x.y.z}), alone or inside a connection string. */
public final class KeyArgument {
    private KeyArgument() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws UsageException naming the part and the rule it breaks, as {@link KdnetKey#parse} words it
     */
    public static KdnetKey parse(String text) {
        try {
            return KdnetKey.parse(text);
        } catch (KeyFormatException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
