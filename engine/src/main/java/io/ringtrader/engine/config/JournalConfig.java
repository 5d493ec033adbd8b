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
 * @param gateOrders      journal before send: the venue stage sends an order command only once it and the inbound
 *                        event that caused it are in the journal.
 * @param diskSpace       the watch on the journal's file system.
 */
public record JournalConfig(
    boolean enabled,
    Path dir,
    JournalRollCycle rollCycle,
    int retentionCycles,
    boolean fsyncOnBatch,
    boolean recordRaw,
    boolean gateOrders,
    DiskSpace diskSpace) {
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
        Objects.requireNonNull(diskSpace, "diskSpace");
    }

    /** The settings of a journal without the order gate and the disk watch's defaults (tests, tools). */
    public JournalConfig(final boolean enabled, final Path dir, final JournalRollCycle rollCycle, final int retentionCycles,
        final boolean fsyncOnBatch, final boolean recordRaw) {
        this(enabled, dir, rollCycle, retentionCycles, fsyncOnBatch, recordRaw, true, DiskSpace.DEFAULTS);
    }

    /**
     * The watch on the free space of the journal's file system: below {@code reduceBelow} trading is REDUCING (only
     * orders that reduce positions), below {@code haltBelow} it is HALTED, so the journal never runs out of space
     * mid-write; back above {@code reduceBelow} (plus a tenth of it, so a value at the line does not flap) the disk no
     * longer limits trading. 0 turns a threshold off.
     *
     * @param reduceBelow   free bytes under which trading only reduces positions.
     * @param haltBelow     free bytes under which trading halts.
     * @param checkInterval how often free space is read.
     */
    public record DiskSpace(long reduceBelow, long haltBelow, Duration checkInterval) {
        static final long DEFAULT_REDUCE_BELOW = 1L << 30;
        static final long DEFAULT_HALT_BELOW = 256L << 20;
        static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);
        static final Duration MIN_CHECK_INTERVAL = Duration.ofMillis(10);
        public static final DiskSpace DEFAULTS = new DiskSpace(DEFAULT_REDUCE_BELOW, DEFAULT_HALT_BELOW, DEFAULT_CHECK_INTERVAL);

        public DiskSpace {
            Objects.requireNonNull(checkInterval, "checkInterval");
        }

        /** No thresholds: nothing is watched. */
        public static DiskSpace off() {
            return new DiskSpace(0, 0, DEFAULT_CHECK_INTERVAL);
        }

        /** True when a threshold is set. */
        public boolean watched() {
            return reduceBelow > 0 || haltBelow > 0;
        }

        static DiskSpace read(final ConfigNode node) {
            final long reduceBelow = node.optionalByteSize("reduceBelow", DEFAULT_REDUCE_BELOW, 0);
            final long haltBelow = node.optionalByteSize("haltBelow", DEFAULT_HALT_BELOW, 0);
            final Duration checkInterval = node.optionalDuration("checkInterval", DEFAULT_CHECK_INTERVAL, MIN_CHECK_INTERVAL);
            node.requireNoUnknownKeys();
            if (reduceBelow > 0 && haltBelow > reduceBelow) {
                node.error("haltBelow", "must not be above reduceBelow (" + ByteSizes.format(haltBelow) + " > "
                    + ByteSizes.format(reduceBelow) + "): trading reduces before it halts");
            }
            return new DiskSpace(reduceBelow, haltBelow, checkInterval);
        }
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
        final boolean gateOrders = node.optionalBoolean("gateOrders", true);
        final DiskSpace diskSpace = DiskSpace.read(node.section("diskSpace"));
        node.requireNoUnknownKeys();

        return new JournalConfig(enabled, TelemetryConfig.toPath(dir), rollCycle, retentionCycles, fsyncOnBatch, recordRaw,
            gateOrders, diskSpace);
    }
}
