package dev.kdnet.host.cli;

import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.key.KeyFormatException;
import java.util.Locale;

/**
 * WinDbg's connection string {@code net:port=P,key=K[,target=IP]} (the argument of {@code -k}).
 *
 * @param port   the UDP port
 * @param key    the KDNET key
 * @param target the target's address for host-initiated contact, or null
 */
record WindbgConnection(int port, KdnetKey key, String target) {
    /** Parses {@code text}; a mistake is a {@link UsageException} naming it (never showing the key). */
    static WindbgConnection parse(String text) {
        if (!text.toLowerCase(Locale.ROOT).startsWith("net:")) {
            throw new UsageException("-k " + (text.contains("key=") ? "net:..." : text)
                    + " is not a network connection; expected net:port=P,key=w.x.y.z");
        }
        Integer port = null;
        KdnetKey key = null;
        String target = null;
        for (String pair : text.substring(4).split(",")) {
            String[] kv = pair.split("=", 2);
            String name = kv[0].strip().toLowerCase(Locale.ROOT);
            if (kv.length != 2) {
                throw new UsageException("-k: \"" + name + "\" needs a value (name=value)");
            }
            switch (name) {
                case "port" -> port = PortArgument.parse(kv[1].strip());
                case "key" -> key = parseKey(kv[1].strip());
                case "target" -> target = kv[1].strip();
                default -> throw new UsageException("-k: unknown setting \"" + name + "\"; expected port, key or"
                        + " target");
            }
        }
        if (port == null || key == null) {
            throw new UsageException("-k needs both port= and key=, e.g. net:port=50000,key=1.2.3.4");
        }
        return new WindbgConnection(port, key, target);
    }

    private static KdnetKey parseKey(String text) {
        try {
            return KdnetKey.parse(text);
        } catch (KeyFormatException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
