package io.ringtrader.recorder;

import java.nio.file.Path;

/**
 * Journal settings: the {@code journal:} section of the config.
 *
 * @param directory       the journal directory; queues go in its {@code inbound/}, {@code outbound/} and
 *                        {@code raw/} sub-directories.
 * @param rollCycle       how often each queue starts a new file.
 * @param retentionCycles how many cycle files each queue keeps, the current one included; older ones are
 *                        deleted when the writer starts and whenever it rolls. {@link #KEEP_ALL} keeps
 *                        everything.
 * @param fsyncOnBatch    whether writers also {@code msync} the written range to disk at the end of every
 *                        batch. Not needed to survive a process crash (the OS keeps the mapped pages);
 *                        only for power loss or a kernel crash, at a cost of a disk flush per batch.
 * @param writer          the name the writers record in each queue's session header.
 * @param manifest        what the session's journal holds (engine version, session tag, config hash, instrument
 *                        table), recorded in each queue's session header; null for none.
 */
public record JournalConfig(Path directory, JournalRollCycle rollCycle, int retentionCycles, boolean fsyncOnBatch,
    String writer, JournalManifest manifest) {
    public static final int KEEP_ALL = 0;
    public static final String DEFAULT_WRITER = "ringtrader-recorder";

    public JournalConfig {
        if (directory == null) {
            throw new IllegalArgumentException("journal directory must be set");
        }
        if (rollCycle == null) {
            throw new IllegalArgumentException("journal roll cycle must be set");
        }
        if (retentionCycles < 0) {
            throw new IllegalArgumentException("journal retention must be >= 0 cycles (0 keeps all): " + retentionCycles);
        }
        if (writer == null || writer.isEmpty()) {
            throw new IllegalArgumentException("journal writer name must not be empty");
        }
    }

    /** Settings without a manifest. */
    public JournalConfig(final Path directory, final JournalRollCycle rollCycle, final int retentionCycles,
        final boolean fsyncOnBatch, final String writer) {
        this(directory, rollCycle, retentionCycles, fsyncOnBatch, writer, null);
    }

    /** Daily files, kept forever, no fsync, no manifest. */
    public static JournalConfig defaults(final Path directory) {
        return new JournalConfig(directory, JournalRollCycle.DAILY, KEEP_ALL, false, DEFAULT_WRITER, null);
    }

    public JournalConfig withRollCycle(final JournalRollCycle cycle) {
        return new JournalConfig(directory, cycle, retentionCycles, fsyncOnBatch, writer, manifest);
    }

    public JournalConfig withRetentionCycles(final int cycles) {
        return new JournalConfig(directory, rollCycle, cycles, fsyncOnBatch, writer, manifest);
    }

    public JournalConfig withFsyncOnBatch(final boolean fsync) {
        return new JournalConfig(directory, rollCycle, retentionCycles, fsync, writer, manifest);
    }

    public JournalConfig withWriter(final String name) {
        return new JournalConfig(directory, rollCycle, retentionCycles, fsyncOnBatch, name, manifest);
    }

    /** The same settings with {@code manifest} recorded in every session header (null for none). */
    public JournalConfig withManifest(final JournalManifest manifest) {
        return new JournalConfig(directory, rollCycle, retentionCycles, fsyncOnBatch, writer, manifest);
    }

    /** The directory of one queue. */
    public Path queueDirectory(final JournalStream stream) {
        return directory.resolve(stream.directoryName());
    }
}
