package dev.kdnet.host.cli;

import dev.kdnet.protocol.args.KeySource;
import dev.kdnet.protocol.key.KdnetKey;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --key} and {@code --key-file}, with {@code KDNET_KEY} behind them ({@link KeySource}): how every command
 * that talks to live targets is given their key.
 */
final class KeyOptions {
    @Option(names = "--key", paramLabel = "w.x.y.z",
            description = "The KDNET key (the target's bcdedit key). Every user sees it through ps: prefer"
                    + " --key-file or KDNET_KEY.")
    private String key;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Read the key from FILE, which only you may read (chmod 600). Without --key and"
                    + " --key-file the key comes from the environment variable KDNET_KEY.")
    private Path keyFile;

    /** The key from --key, --key-file or KDNET_KEY, if one was given; a one-line error for a bad one. */
    Optional<KdnetKey> resolve() {
        return KeySource.resolve(key, keyFile);
    }

    /** True if --key was given on the command line. */
    boolean onCommandLine() {
        return key != null;
    }

    /** The --key-file, or null. */
    Path file() {
        return keyFile;
    }
}
