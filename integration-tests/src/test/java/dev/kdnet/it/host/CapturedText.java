package dev.kdnet.it.host;

import java.io.Writer;

/**
 * A writer that keeps what is written, readable while it is being written, and runs a hook on the writing thread
 * after every write (so the hook sees the state the writer's caller was in when it printed).
 */
final class CapturedText extends Writer {
    private final StringBuffer text = new StringBuffer();
    private final Runnable afterWrite;

    CapturedText(Runnable afterWrite) {
        this.afterWrite = afterWrite;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
        afterWrite.run();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
