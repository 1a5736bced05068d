package dev.kdnet.protocol.args;

import dev.kdnet.protocol.key.KdnetKey;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * WinDbg's network connection string, the argument of {@code -k}: {@code net:port=P,key=K[,target=IP]}.
 * {@link #toString()} shows the key's fingerprint only.
 *
 * @param port   the UDP port
 * @param key    the KDNET key
 * @param target the target's address, for contacting a target that already runs, if given
 */
public record WindbgConnection(int port, KdnetKey key, Optional<Inet4Address> target) {
    private static final String PREFIX = "net:";

    public WindbgConnection {
        PortArgument.check(port);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(target, "target");
    }

    /**
     * Parses {@code text}: {@code net:} then {@code name=value} settings separated by commas, names in any case.
     *
     * @throws UsageException naming the mistake; never showing the key
     */
    public static WindbgConnection parse(String text) {
        return parse(text, null, Map.of());
    }

    /**
     * Parses {@code text} as {@link #parse(String)} does, but without {@code key=} the key comes from
     * {@code keyFile} (may be null) or the environment, as {@link KeySource} takes it: out of sight of {@code ps}.
     *
     * @throws UsageException naming the mistake, also {@code key=} and a key file both given; never showing the key
     */
    public static WindbgConnection parse(String text, Path keyFile) {
        return parse(text, keyFile, System.getenv());
    }

    static WindbgConnection parse(String text, Path keyFile, Map<String, String> environment) {
        if (!text.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            throw new UsageException("-k " + (text.contains("key=") ? "net:..." : text)
                    + " is not a network connection; expected net:port=P,key=w.x.y.z");
        }
        Integer port = null;
        KdnetKey key = null;
        Inet4Address target = null;
        for (String pair : text.substring(PREFIX.length()).split(",")) {
            String[] setting = pair.split("=", 2);
            String name = setting[0].strip().toLowerCase(Locale.ROOT);
            if (setting.length != 2) {
                throw new UsageException("-k: \"" + name + "\" needs a value (name=value)");
            }
            String value = setting[1].strip();
            switch (name) {
                case "port" -> port = PortArgument.parse(value);
                case "key" -> key = KeyArgument.parse(value);
                case "target" -> target = Ipv4Argument.parse("-k target", value);
                default -> throw new UsageException("-k: unknown setting \"" + name
                        + "\"; expected port, key or target");
            }
        }
        if (port == null) {
            throw new UsageException("-k needs port=, e.g. net:port=50000,key=1.2.3.4");
        }
        if (key != null && keyFile != null) {
            throw new UsageException("-k gives key= and --key-file another key; give the key once");
        }
        if (key == null) {
            key = KeySource.resolve(null, keyFile, environment).orElseThrow(() -> new UsageException("-k needs"
                    + " key=w.x.y.z, or the key in --key-file or " + KeySource.ENVIRONMENT));
        }
        return new WindbgConnection(port, key, Optional.ofNullable(target));
    }
}
