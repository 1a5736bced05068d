package dev.kdnet.protocol.args;

import dev.kdnet.protocol.key.KdnetKey;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a command takes the KDNET key from: {@code --key w.x.y.z} (which every user of the machine sees through
 * {@code ps}), {@code --key-file FILE} (a file only its owner can read, holding the key), or, when neither is given,
 * the environment variable {@link #ENVIRONMENT}. Every command that takes a key takes it these three ways; no
 * message shows the key.
 */
public final class KeySource {
    /** The environment variable that holds the key when neither {@code --key} nor {@code --key-file} is given. */
    public static final String ENVIRONMENT = "KDNET_KEY";
    /** How to give a key, for a message about a missing one. */
    public static final String HOW = "give --key w.x.y.z, --key-file FILE or set " + ENVIRONMENT;
    private static final Set<PosixFilePermission> READABLE_BY_OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);

    private KeySource() {
    }

    /** {@link #resolve(String, Path, Map)} with this process's environment. */
    public static Optional<KdnetKey> resolve(String key, Path keyFile) {
        return resolve(key, keyFile, System.getenv());
    }

    /**
     * The key of {@code --key} ({@code key}), of {@code --key-file} ({@code keyFile}) or, without either, of
     * {@link #ENVIRONMENT} in {@code environment} (an empty value counts as none); empty if none is given.
     *
     * @throws UsageException both options given, an unreadable or empty key file, one that others can read, or a
     *                        key that does not parse
     */
    public static Optional<KdnetKey> resolve(String key, Path keyFile, Map<String, String> environment) {
        if (key != null && keyFile != null) {
            throw new UsageException("--key and --key-file exclude each other; give one");
        }
        if (key != null) {
            return Optional.of(KeyArgument.parse(key));
        }
        if (keyFile != null) {
            return Optional.of(read(keyFile));
        }
        String variable = environment.get(ENVIRONMENT);
        if (variable == null || variable.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyArgument.parse(variable.strip()));
        } catch (UsageException e) {
            throw new UsageException(ENVIRONMENT + ": " + e.getMessage());
        }
    }

    /**
     * The key in {@code file}: its whole text, blanks around it ignored. A file that other users can read is
     * refused: the key is a password.
     */
    static KdnetKey read(Path file) {
        String text;
        try {
            refuseReadableByOthers(file);
            text = Files.readString(file).strip();
        } catch (NoSuchFileException e) {
            throw new UsageException("key file " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UsageException("key file " + file + ": permission denied");
        } catch (IOException e) {
            throw new UsageException("cannot read key file " + file + ": " + e.getMessage());
        }
        if (text.isEmpty()) {
            throw new UsageException("key file " + file + " is empty; it should hold the key, w.x.y.z");
        }
        try {
            return KeyArgument.parse(text);
        } catch (UsageException e) {
            throw new UsageException("key file " + file + ": " + e.getMessage());
        }
    }

    private static void refuseReadableByOthers(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        if (permissions.stream().anyMatch(READABLE_BY_OTHERS::contains)) {
            throw new UsageException("key file " + file + " can be read by other users ("
                    + PosixFilePermissions.toString(permissions) + "); chmod 600 " + file);
        }
    }
}
