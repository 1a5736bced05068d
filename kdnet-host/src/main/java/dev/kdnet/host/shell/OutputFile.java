package dev.kdnet.host.shell;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The files commands write, with failures said in one line that names what is wrong. */
final class OutputFile {
    private OutputFile() {
    }

    /** Fails at once if {@code file}'s directory does not exist, before a long transfer is spent on nothing. */
    static void requireDirectory(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new ShellException("cannot write " + file + ": the directory " + directory
                    + " does not exist (create it, or name a file in an existing directory)");
        }
    }

    /** Writes {@code bytes} to {@code file}, replacing it. */
    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new ShellException("cannot write " + file + ": " + reason(e));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no file can be created at " + missing.getFile();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }
}
