package io.procmobility.console;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.function.Consumer;

/**
 * An output stream that hands over whole lines: what processes print with {@code System.out} goes
 * above the prompt of the interactive console instead of into the line being typed.
 */
final class LinePrinter extends OutputStream {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Consumer<String> lines;
    private final Charset charset;

    LinePrinter(Consumer<String> lines, Charset charset) {
        this.lines = lines;
        this.charset = charset;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            pending.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() {
        // a partial line waits for its end
    }

    @Override
    public synchronized void close() {
        if (pending.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String line = pending.toString(charset);
        pending.reset();
        lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
