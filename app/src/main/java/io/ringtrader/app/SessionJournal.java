package io.ringtrader.app;

import io.ringtrader.engine.config.JournalConfig;
import io.ringtrader.engine.pipeline.JournalProgress;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.engine.runtime.SessionTag;
import io.ringtrader.recorder.InboundJournalWriter;
import io.ringtrader.recorder.JournalManifest;
import io.ringtrader.recorder.JournalRollCycle;
import io.ringtrader.recorder.OutboundJournalWriter;
import io.ringtrader.recorder.RawFrameWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The journal of one session: a sub-directory of {@code journal.dir} named by the session's start time
 * (UTC), so every session can be replayed on its own, and the engine extension that installs the
 * recorder's writers as the journal stages. Every queue's session header records the session's manifest
 * ({@link JournalManifest}: engine version, session tag, config hash and the engine's instrument table).
 * Used on the session runner's thread; the writers it makes run on their stages' threads.
 */
final class SessionJournal {
    private static final DateTimeFormatter SESSION_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .withZone(ZoneOffset.UTC);

    /** A session's name, from its start time (UTC): its journal's and its telemetry's folder. */
    static String sessionName(final Instant start) {
        return SESSION_NAME.format(start);
    }

    private final Path directory;
    private final String engineVersion;
    private final SessionTag sessionTag;
    private final String configHash;
    /** The writers' settings; with the manifest once the extension ran (before the gateways ask for a raw writer). */
    private io.ringtrader.recorder.JournalConfig recorderConfig;
    /** The engine's journal progress, known once the extension ran (before the gateways ask for a raw writer). */
    private JournalProgress progress;

    private SessionJournal(final Path directory, final io.ringtrader.recorder.JournalConfig recorderConfig,
        final String engineVersion, final SessionTag sessionTag, final String configHash) {
        this.directory = directory;
        this.recorderConfig = recorderConfig;
        this.engineVersion = engineVersion;
        this.sessionTag = sessionTag;
        this.configHash = configHash;
    }

    /**
     * The session's journal under {@code config.dir()}, named by {@code start}.
     *
     * @param writer        the writers' name in the session headers, e.g. {@code ringtrader trade}.
     * @param engineVersion the engine's version, e.g. {@code ringtrader 0.1.0}.
     * @param sessionTag    the session's tag.
     * @param configHash    the config's canonical hash ({@code sha256:<hex>}).
     */
    static SessionJournal create(final JournalConfig config, final Instant start, final String writer,
        final String engineVersion, final SessionTag sessionTag, final String configHash) {
        final Path directory = config.dir().resolve(SESSION_NAME.format(start));
        final JournalRollCycle cycle = JournalRollCycle.fromConfigName(config.rollCycle().configName());
        if (cycle == null) {
            throw new IllegalArgumentException("journal.rollCycle: " + config.rollCycle().configName()
                + " has no Chronicle roll cycle in the recorder");
        }
        return new SessionJournal(directory, io.ringtrader.recorder.JournalConfig.defaults(directory)
            .withRollCycle(cycle)
            .withRetentionCycles(config.retentionCycles())
            .withFsyncOnBatch(config.fsyncOnBatch())
            .withWriter(writer), engineVersion, sessionTag, configHash);
    }

    /** Where this session's {@code inbound/} and {@code outbound/} queues are written. */
    Path directory() {
        return directory;
    }

    /** A writer of the session's {@code raw/} queue (frames as received), for a gateway's IO thread. */
    RawFrameWriter rawWriter() {
        final RawFrameWriter writer = new RawFrameWriter(recorderConfig);
        return progress == null ? writer : writer.reportFailuresTo(progress);
    }

    /**
     * Installs the inbound and outbound journal writers, whose headers hold the engine's instruments; a raw writer made
     * after this records the same header and reports its failures as they do.
     */
    EngineExtension extension() {
        return (builder, instruments, errors) -> {
            progress = builder.journalProgress();
            recorderConfig = recorderConfig.withManifest(
                JournalManifest.of(engineVersion, sessionTag.value(), configHash, instruments));
            builder.journal(new InboundJournalWriter(recorderConfig))
                .outboundJournal(new OutboundJournalWriter(recorderConfig));
        };
    }
}
