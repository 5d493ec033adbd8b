package io.ringtrader.gateway.common.capture;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads a capture file line by line into one reused, growing byte buffer (a {@code .gz} file is
 * decompressed on the fly). Line terminators ({@code \n}, {@code \r\n}) are not part of a line. Not
 * thread-safe.
 */
public final class CaptureLineReader implements AutoCloseable {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkPosition;
    private int chunkLimit;
    private byte[] line = new byte[1 << 12];
    private int lineLength;
    private final UnsafeBuffer view = new UnsafeBuffer(line);
    private long lineNumber;

    /** Opens {@code file}; a name ending in {@code .gz} is read through GZIP. */
    public CaptureLineReader(final Path file) throws IOException {
        final InputStream raw = new BufferedInputStream(Files.newInputStream(file), CHUNK);
        in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, CHUNK) : raw;
    }

    /** Reads the next line; false at the end of the file. */
    public boolean next() throws IOException {
        lineLength = 0;
        boolean any = false;
        while (true) {
            if (chunkPosition == chunkLimit) {
                chunkLimit = in.read(chunk, 0, CHUNK);
                chunkPosition = 0;
                if (chunkLimit <= 0) {
                    chunkLimit = 0;
                    if (!any) {
                        return false;
                    }
                    break;
                }
            }
            any = true;
            int end = chunkPosition;
            while (end < chunkLimit && chunk[end] != '\n') {
                end++;
            }
            append(chunkPosition, end - chunkPosition);
            if (end < chunkLimit) {
                chunkPosition = end + 1;
                break;
            }
            chunkPosition = chunkLimit;
        }
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        lineNumber++;
        view.wrap(line, 0, Math.max(lineLength, 1));
        return true;
    }

    /** The current line's bytes, from offset 0, {@link #length()} long. */
    public UnsafeBuffer buffer() {
        return view;
    }

    public int length() {
        return lineLength;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    private void append(final int from, final int count) {
        if (lineLength + count > line.length) {
            final byte[] grown = new byte[Math.max(line.length * 2, lineLength + count)];
            System.arraycopy(line, 0, grown, 0, lineLength);
            line = grown;
        }
        System.arraycopy(chunk, from, line, lineLength, count);
        lineLength += count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
