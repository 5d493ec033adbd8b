package io.ringtrader.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The event journal (Chronicle Queue): {@code inbound/}, {@code outbound/} and optionally {@code raw/}
 * under {@link #dir()}.
 *
 * @param enabled         journal every inbound event and order command; a session without a journal cannot
 *                        be replayed.
 * @param dir             the journal's base directory, relative to the working directory unless absolute.
 * @param rollCycle       how often a new queue file starts.
 * @param retentionCycles roll cycles of files to keep, the one being written included; 0 keeps everything. By default
 *                        as many as keep at least {@link #DEFAULT_RETENTION} of history (2 daily files, 25 hourly).
 * @param fsyncOnBatch    force journal pages to disk at the end of every batch (survives power loss, costs
 *                        latency); without it the journal survives a process crash, not a machine crash.
 * @param recordRaw       also journal raw venue frames with receive timestamps into {@code raw/}.
 */
public record JournalConfig(
    boolean enabled,
    Path dir,
    JournalRollCycle rollCycle,
    int retentionCycles,
    boolean fsyncOnBatch,
    boolean recordRaw) {
    static final String DEFAULT_DIR = "run/journal";
    static final int MAX_RETENTION_CYCLES = 1_000_000;
    /**
     * History kept when {@code retentionCycles} is not set: a day before the current file. At the demo's event rate a
     * day of journal is about 30 GB (config/README.md), so keeping everything would fill a laptop's disk in days.
     */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(1);

    public JournalConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(rollCycle, "rollCycle");
    }

    static JournalConfig read(final ConfigNode node) {
        final boolean enabled = node.optionalBoolean("enabled", true);
        final String dir = node.optionalString("dir", DEFAULT_DIR, TelemetryConfig::checkPath);
        final JournalRollCycle rollCycle = node.optionalEnum(
            "rollCycle", JournalRollCycle.DAILY, JournalRollCycle.values(), JournalRollCycle::configName);
        final int retentionCycles = node.optionalInt("retentionCycles", rollCycle.cyclesKeeping(DEFAULT_RETENTION), 0,
            MAX_RETENTION_CYCLES);
        final boolean fsyncOnBatch = node.optionalBoolean("fsyncOnBatch", false);
        final boolean recordRaw = node.optionalBoolean("recordRaw", false);
        node.requireNoUnknownKeys();

        return new JournalConfig(enabled, TelemetryConfig.toPath(dir), rollCycle, retentionCycles, fsyncOnBatch, recordRaw);
    }
}
