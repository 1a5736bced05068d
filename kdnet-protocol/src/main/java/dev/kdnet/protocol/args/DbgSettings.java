package dev.kdnet.protocol.args;

import dev.kdnet.protocol.key.KdnetKey;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of {@code bcdedit /dbgsettings net hostip:IP port:P key:K [nodhcp] [busparams:b.d.f]}, given as one
 * string (the {@code --dbgsettings} option). {@link #toString()} shows the key's fingerprint only.
 *
 * @param hostIp    the debugger host
 * @param port      P
 * @param key       the KDNET key
 * @param noDhcp    {@code nodhcp} was given
 * @param busParams {@code busparams:b.d.f}, if given
 */
public record DbgSettings(Inet4Address hostIp, int port, KdnetKey key, boolean noDhcp,
        Optional<BusParams> busParams) {
    private static final String WORDS = "hostip:, port:, key:, nodhcp or busparams:";
    private static final String KEY_WORD = "key";

    public DbgSettings {
        Objects.requireNonNull(hostIp, "hostIp");
        PortArgument.check(port);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(busParams, "busParams");
    }

    /**
     * Parses the words after {@code /dbgsettings}: {@code net} first, then each setting once, in any order and case.
     *
     * @throws UsageException naming the word that is wrong or the setting that is missing; never showing a key
     */
    public static DbgSettings parse(String text) {
        return parse(text, null, Map.of());
    }

    /**
     * Parses {@code text} as {@link #parse(String)} does, but without {@code key:} the key comes from
     * {@code keyFile} (may be null) or the environment, as {@link KeySource} takes it: out of sight of {@code ps}.
     *
     * @throws UsageException naming the mistake, also {@code key:} and a key file both given; never showing a key
     */
    public static DbgSettings parse(String text, Path keyFile) {
        return parse(text, keyFile, System.getenv());
    }

    static DbgSettings parse(String text, Path keyFile, Map<String, String> environment) {
        String[] words = text.trim().split("\\s+");
        if (!words[0].equalsIgnoreCase("net")) {
            throw new UsageException("--dbgsettings must start with \"net\" (KDNET debugs over the network), not \""
                    + shown(words[0]) + "\"");
        }
        Inet4Address hostIp = null;
        Integer port = null;
        KdnetKey key = null;
        Boolean noDhcp = null;
        BusParams busParams = null;
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            int colon = word.indexOf(':');
            String name = (colon < 0 ? word : word.substring(0, colon + 1)).toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : word.substring(colon + 1);
            switch (name) {
                case "hostip:" -> hostIp = once(hostIp, name, Ipv4Argument.parse("hostip", value));
                case "port:" -> port = once(port, name, PortArgument.parse(value));
                case "key:" -> key = once(key, name, KeyArgument.parse(value));
                case "nodhcp" -> noDhcp = once(noDhcp, name, Boolean.TRUE);
                case "busparams:" -> busParams = once(busParams, name, BusParams.parse(value));
                default -> throw new UsageException("--dbgsettings: unknown word \"" + shown(word) + "\"; expected "
                        + WORDS);
            }
        }
        if (hostIp == null) {
            throw new UsageException("--dbgsettings lacks hostip:IPv4 (the debugger host's address)");
        }
        if (port == null) {
            throw new UsageException("--dbgsettings lacks port:P (KDNET ports are 49152-65535, usually 50000)");
        }
        if (key != null && keyFile != null) {
            throw new UsageException("--dbgsettings gives key: and --key-file another key; give the key once");
        }
        if (key == null) {
            key = KeySource.resolve(null, keyFile, environment).orElseThrow(() -> new UsageException("--dbgsettings"
                    + " lacks key:w.x.y.z (./kdnet host keygen or ./kdnet target --newkey makes one), or give the"
                    + " key in --key-file or " + KeySource.ENVIRONMENT));
        }
        return new DbgSettings(hostIp, port, key, noDhcp != null, Optional.ofNullable(busParams));
    }

    private static <T> T once(T previous, String name, T value) {
        if (previous != null) {
            throw new UsageException("--dbgsettings gives " + name + " twice");
        }
        return value;
    }

    /** A word fit for an error line: a mistyped key setting ({@code key=…}) is cut before its value. */
    private static String shown(String word) {
        return word.toLowerCase(Locale.ROOT).startsWith(KEY_WORD) && word.length() > KEY_WORD.length() + 1
                ? word.substring(0, KEY_WORD.length() + 1) + "…" : word;
    }
}
