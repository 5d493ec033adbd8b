package io.ringtrader.replay;

import io.ringtrader.recorder.JournalReader;
import java.nio.file.Path;

/**
 * What to replay and how.
 *
 * @param journal   a session's journal directory (holding {@code inbound/} and {@code outbound/}).
 * @param fromNs    replay events received at or after this time (epoch ns); {@link Long#MIN_VALUE} for all.
 * @param toNs      replay events received at or before this time (epoch ns); {@link Long#MAX_VALUE} for all.
 * @param speed     pacing.
 * @param verify    compare the produced order commands with the journaled {@code outbound/} ones.
 * @param reportDir where to write the report files; null for none.
 * @param skipDamaged replay past damaged messages (skipped, never decoded, listed in the result) instead of
 *                    refusing the journal at the first one.
 * @param configMismatch what to do when the config declares the instruments differently from the journal's
 *                    instrument table (schema 6 and later): refuse the replay (the default) or replay with the
 *                    config's instruments and say what they override.
 */
public record ReplayOptions(Path journal, long fromNs, long toNs, ReplaySpeed speed, boolean verify, Path reportDir,
    boolean skipDamaged, ConfigMismatch configMismatch) {
    public ReplayOptions {
        if (configMismatch == null) {
            throw new IllegalArgumentException("configMismatch must be set");
        }
        if (journal == null) {
            throw new IllegalArgumentException("journal directory must be set");
        }
        if (speed == null) {
            throw new IllegalArgumentException("speed must be set");
        }
        if (fromNs > toNs) {
            throw new IllegalArgumentException("--from is after --to");
        }
    }

    /** Options that refuse a config whose instruments differ from the journal's. */
    public ReplayOptions(final Path journal, final long fromNs, final long toNs, final ReplaySpeed speed, final boolean verify,
        final Path reportDir, final boolean skipDamaged) {
        this(journal, fromNs, toNs, speed, verify, reportDir, skipDamaged, ConfigMismatch.REFUSE);
    }

    /** Everything, as fast as possible, no verification, no report; a config mismatch is refused. */
    public static ReplayOptions of(final Path journal) {
        return new ReplayOptions(journal, Long.MIN_VALUE, Long.MAX_VALUE, ReplaySpeed.MAX, false, null, false,
            ConfigMismatch.REFUSE);
    }

    public ReplayOptions withVerify(final boolean verify) {
        return new ReplayOptions(journal, fromNs, toNs, speed, verify, reportDir, skipDamaged, configMismatch);
    }

    public ReplayOptions withSpeed(final ReplaySpeed speed) {
        return new ReplayOptions(journal, fromNs, toNs, speed, verify, reportDir, skipDamaged, configMismatch);
    }

    public ReplayOptions withRange(final long fromNs, final long toNs) {
        return new ReplayOptions(journal, fromNs, toNs, speed, verify, reportDir, skipDamaged, configMismatch);
    }

    public ReplayOptions withReportDir(final Path reportDir) {
        return new ReplayOptions(journal, fromNs, toNs, speed, verify, reportDir, skipDamaged, configMismatch);
    }

    public ReplayOptions withSkipDamaged(final boolean skipDamaged) {
        return new ReplayOptions(journal, fromNs, toNs, speed, verify, reportDir, skipDamaged, configMismatch);
    }

    public ReplayOptions withJournal(final Path journal) {
        return new ReplayOptions(journal, fromNs, toNs, speed, verify, reportDir, skipDamaged, configMismatch);
    }

    public ReplayOptions withConfigMismatch(final ConfigMismatch configMismatch) {
        return new ReplayOptions(journal, fromNs, toNs, speed, verify, reportDir, skipDamaged, configMismatch);
    }

    /** How the journal's readers treat damage under these options. */
    public JournalReader.DamagePolicy damagePolicy() {
        return skipDamaged ? JournalReader.DamagePolicy.SKIP : JournalReader.DamagePolicy.REFUSE;
    }
}
