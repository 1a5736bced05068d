package dev.kdnet.host.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A file a command writes, piece by piece, with failures said in one line that names what is wrong. */
final class OutputFile implements AutoCloseable {
    private final Path file;
    private final OutputStream stream;

    private OutputFile(Path file, OutputStream stream) {
        this.file = file;
        this.stream = stream;
    }

    /** Fails at once if {@code file}'s directory does not exist, before a long transfer is spent on nothing. */
    static void requireDirectory(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new ShellException("cannot write " + file + ": the directory " + directory
                    + " does not exist (create it, or name a file in an existing directory)");
        }
    }

    /** Creates {@code file}, replacing it. */
    static OutputFile create(Path file) {
        try {
            return new OutputFile(file, Files.newOutputStream(file));
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /** Deletes {@code file}, what a cancelled transfer wrote of it. */
    static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /** Appends {@code bytes}. */
    void write(byte[] bytes) {
        try {
            stream.write(bytes);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static ShellException failure(Path file, IOException e) {
        return new ShellException("cannot write " + file + ": " + reason(e));
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
