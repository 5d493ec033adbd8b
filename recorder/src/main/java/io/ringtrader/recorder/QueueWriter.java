package io.ringtrader.recorder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * One queue of a journal, opened for appending: the part the journal writers share. Used only on the
 * writing stage's thread, from {@link #open()} (Chronicle appenders are bound to their thread) to
 * {@link #close()}.
 *
 * <p>A message is visible to readers, in this process or another, as soon as its document is closed:
 * Chronicle writes straight into memory-mapped files, so nothing is buffered here and a process that is
 * killed loses at most the message it was writing. {@link #endOfBatch()} therefore only {@code msync}s when
 * {@link JournalConfig#fsyncOnBatch()} asks for durability against power loss, and applies retention when
 * the queue has rolled.
 *
 * <p>A message is encoded into a reused off-heap staging buffer ({@link #staging()}) and copied into the
 * queue in one write ({@link #appendStaged()}): the per-field writes skip the mapped file's chunk and bounds
 * checks (about twice as fast for a 20-level book message), and Chronicle's write lock is held only for
 * the copy. The buffer grows only for a message longer than any before; it is released by {@link #close()}.
 *
 * <p>Every message gets its checksum trailer here (see {@link JournalFormat}): the CRC32C of the staged bytes,
 * computed by the JDK's intrinsic over the staging buffer's memory (a direct {@link ByteBuffer}, so nothing is
 * copied or allocated), appended to the staged message before the copy.
 *
 * <p>The session header ({@link JournalSession}, with the config's {@link JournalConfig#manifest() manifest}) is
 * written when the queue opens and again, as a rolled header, right after the first message of every later cycle
 * file: its bytes are encoded once at open, so a roll copies them and allocates nothing.
 */
final class QueueWriter {
    private static final int STAGING_CAPACITY = 4096;

    private final JournalConfig config;
    private final JournalStream stream;
    private final Path directory;
    private final TimeProvider timeProvider;
    private final CRC32C crc = new CRC32C();
    private Bytes<ByteBuffer> staging;
    private ChronicleQueue queue;
    private ExcerptAppender appender;
    private int cycle;
    /** The cycle whose file holds a session header of this writer. */
    private int headerCycle;
    /** The rolled session header, encoded at open. */
    private byte[] rolledHeader;

    /**
     * Creates the queue's directory now, so a bad journal path fails at start-up on the caller's thread.
     *
     * @param timeProvider the clock Chronicle rolls by; null for the wall clock.
     */
    QueueWriter(final JournalConfig config, final JournalStream stream, final TimeProvider timeProvider) {
        this.config = config;
        this.stream = stream;
        this.directory = config.queueDirectory(stream);
        this.timeProvider = timeProvider;
        try {
            Files.createDirectories(directory);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create journal directory " + directory, e);
        }
        if (!Files.isWritable(directory)) {
            throw new IllegalArgumentException("journal directory " + directory + " is not writable");
        }
        final int headerLength = encodeHeader(config, stream, 0, false).length + JournalFormat.TRAILER_LENGTH;
        if (headerLength > JournalSession.MAX_LENGTH) {
            throw new IllegalArgumentException("journal " + directory + ": the session header would be " + headerLength
                + " bytes (an instrument table of " + config.manifest().instruments().size() + " instruments), more than"
                + " the " + JournalSession.MAX_LENGTH + " a reader accepts");
        }
    }

    /** Opens the queue, applies retention and records this session. Call on the writing thread. */
    void open() {
        if (queue != null) {
            throw new IllegalStateException("journal " + directory + " is already open");
        }
        final SingleChronicleQueueBuilder builder = SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(config.rollCycle().chronicleCycle());
        if (timeProvider != null) {
            builder.timeProvider(timeProvider);
        }
        queue = builder.build();
        appender = queue.createAppender();
        // Writers are driven by one stage thread by contract; skip Chronicle's per-call owner-thread check.
        appender.singleThreadedCheckDisabled(true);
        staging = Bytes.elasticByteBuffer(STAGING_CAPACITY);
        staging.singleThreadedCheckDisabled(true);
        final long startedEpochMs = System.currentTimeMillis();
        rolledHeader = encodeHeader(config, stream, startedEpochMs, true);
        staging().write(encodeHeader(config, stream, startedEpochMs, false));
        append(true);
        cycle = appender.cycle();
        headerCycle = cycle;
        applyRetention();
    }

    /**
     * The staging buffer, cleared: encode one message into it, then call {@link #appendStaged()}.
     *
     * @throws IllegalStateException if the queue is not open.
     */
    Bytes<ByteBuffer> staging() {
        final Bytes<ByteBuffer> staging = this.staging;
        if (staging == null) {
            throw new IllegalStateException("journal " + directory + " is not open");
        }
        staging.clear();
        return staging;
    }

    /**
     * Appends the staged message, with its checksum trailer, as one document.
     *
     * @throws IllegalStateException if the queue is not open.
     */
    void appendStaged() {
        append(false);
        if (appender.cycle() != headerCycle) {
            headerCycle = appender.cycle();
            staging().write(rolledHeader);
            append(true);
        }
    }

    /** The session header's bytes (without the trailer, which {@link #append} adds). */
    private static byte[] encodeHeader(final JournalConfig config, final JournalStream stream, final long startedEpochMs,
        final boolean rolled) {
        final Bytes<?> header = Bytes.allocateElasticOnHeap(256);
        try {
            JournalSession.write(header, stream, config.writer(), startedEpochMs, rolled, config.manifest());
            return header.toByteArray();
        } finally {
            header.releaseLast();
        }
    }

    private void append(final boolean metaData) {
        final ExcerptAppender appender = this.appender;
        if (appender == null) {
            throw new IllegalStateException("journal " + directory + " is not open");
        }
        final Bytes<ByteBuffer> staging = this.staging;
        final int length = (int)staging.writePosition();
        // The staging buffer may have grown into a new ByteBuffer: take the current one.
        final ByteBuffer memory = staging.underlyingObject();
        memory.clear();
        memory.limit(length);
        crc.reset();
        crc.update(memory);
        staging.writeInt((int)crc.getValue());
        final DocumentContext dc = appender.writingDocument(metaData);
        try {
            dc.wire().bytes().write(staging, 0L, staging.writePosition());
        } catch (final RuntimeException | Error e) {
            dc.rollbackOnClose();
            throw e;
        } finally {
            dc.close();
        }
    }

    /** Syncs if configured to, and applies retention once the queue has rolled to a new cycle. */
    void endOfBatch() {
        final ExcerptAppender appender = this.appender;
        if (appender == null) {
            return;
        }
        if (config.fsyncOnBatch()) {
            appender.sync();
        }
        if (config.retentionCycles() != JournalConfig.KEEP_ALL && appender.cycle() != cycle) {
            cycle = appender.cycle();
            applyRetention();
        }
    }

    /** Syncs and closes the queue. Idempotent. */
    void close() {
        if (queue == null) {
            return;
        }
        try {
            appender.sync();
            appender.close();
        } finally {
            queue.close();
            staging.releaseLast();
            staging = null;
            appender = null;
            queue = null;
            rolledHeader = null;
        }
    }

    /** Chronicle index of the last message this writer appended. */
    long lastIndexAppended() {
        return appender.lastIndexAppended();
    }

    Path directory() {
        return directory;
    }

    private void applyRetention() {
        if (config.retentionCycles() == JournalConfig.KEEP_ALL) {
            return;
        }
        final File current = appender.currentFile();
        if (JournalRetention.deleteOldCycles(directory, config.retentionCycles(), current) > 0) {
            queue.refreshDirectoryListing();
        }
    }
}
