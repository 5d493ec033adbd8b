package io.ringtrader.replay;

import io.ringtrader.engine.config.ExecutionMode;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EngineStatus;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.risk.TradingState;
import io.ringtrader.engine.risk.TradingStates;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.FusedPipeline;
import io.ringtrader.engine.pipeline.NoOpStages;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.routing.IntentRouter;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.recorder.JournalDamage;
import io.ringtrader.recorder.JournalReader;
import io.ringtrader.recorder.JournalStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays a session's journal through the same business stages a live engine runs ({@link
 * Engine#businessStages}), fused on the calling thread, with event time taken from the journal.
 *
 * <p>Execution reports: for a paper session ({@code execution.mode: paper}) the paper venue regenerates
 * them and the journaled ones are skipped; with {@link ReplayOptions#verify()}, or for a live session, the
 * journaled ones are fed back in their recorded place and the produced order commands are compared with
 * the journaled ones.
 * Everything a replay produces depends only on the journal, the code and the config: the digest is the
 * proof.
 *
 * <p>Instruments: the config's instruments are checked against the instrument table of the journal's session header
 * (schema 6 and later, {@link InstrumentCheck}); a config that declares them differently is refused unless
 * {@link ReplayOptions#configMismatch()} allows it, and the result says which instruments were used.
 *
 * <p>Damage: a damaged message in the journal (see {@link JournalReader}) stops the replay with a
 * {@link io.ringtrader.recorder.JournalDamageException} naming its index and byte offset, unless
 * {@link ReplayOptions#skipDamaged()}, which replays past it and lists what was skipped in the result.
 */
public final class ReplayRunner {
    /** Level capacity of the event read from the journal: larger than any live slot. */
    private static final int READ_LEVEL_CAPACITY = 1_000;
    private static final int FEEDBACK_RING_SIZE = 1_024;

    private ReplayRunner() {
    }

    /**
     * Replays {@code options.journal()} with {@code config}'s instruments and stages, plus what
     * {@code extension} adds (e.g. a test strategy in place of the configured ones). The configured
     * strategies and risk limits are built by {@link Engine#businessStages}, as in the live engine.
     *
     * @throws ConfigMismatchException                        when {@code config} declares the instruments differently
     *                                                         from the journal's instrument table and
     *                                                         {@link ReplayOptions#configMismatch()} refuses that.
     * @throws io.ringtrader.recorder.JournalNotFoundException when the journal is missing.
     * @throws io.ringtrader.recorder.JournalFormatException   when it was written by a newer version, or (a
     *                                                         {@link io.ringtrader.recorder.JournalDamageException})
     *                                                         is damaged and damage is not skipped.
     */
    public static ReplayResult run(final RingTraderConfig config, final ReplayOptions options, final EngineExtension extension)
        throws IOException {
        final InstrumentRegistry instruments = Engine.registry(config.instruments());
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final ReplayDigest digest = new ReplayDigest();
        final Map<EventKind, Long> byKind = new EnumMap<>(EventKind.class);
        final long[] kindCounts = new long[EventKind.values().length];

        try (JournalReader reader = JournalReader.open(options.journal(), JournalStream.INBOUND, options.damagePolicy());
            CommandVerifier verifier = options.verify() ? new CommandVerifier(options.journal(), options.damagePolicy()) : null) {
            final InstrumentCheck instrumentCheck = InstrumentCheck.of(reader, instruments);
            if (!instrumentCheck.matches() && options.configMismatch() == ConfigMismatch.REFUSE) {
                throw new ConfigMismatchException(instrumentCheck);
            }
            final Pipeline.Builder builder = Pipeline.builder()
                .levelsPerSlot(config.pipeline().levelsPerSlot())
                .outboundRingSize(config.pipeline().outboundRingSize())
                .errorHandler(errors);
            final Engine.BusinessStages stages = Engine.businessStages(builder, config, instruments, errors);
            // Paper sessions regenerate their execution reports with the paper venue; with --verify (or for a
            // live session) the journaled reports are fed back and the router only routes.
            final boolean regenerate = !options.verify() && config.execution().anyPaper();
            // The reports of venues filled on paper are regenerated; those of live venues are fed back as journaled.
            int maxVenueId = 0;
            for (final io.ringtrader.engine.instrument.Venue venue : io.ringtrader.engine.instrument.Venue.values()) {
                maxVenueId = Math.max(maxVenueId, venue.id());
            }
            final boolean[] regeneratedVenue = new boolean[maxVenueId + 1];
            for (final io.ringtrader.engine.instrument.Venue venue : Engine.paperVenues(config)) {
                regeneratedVenue[venue.id()] = regenerate;
            }
            if (!regenerate) {
                builder.router(publisher -> new IntentRouter(instruments, publisher, errors));
            }
            builder.venue(publisher -> new NoOpStages.Venue());
            extension.extend(builder, instruments, errors);
            builder.journal((event, sequence, endOfBatch) -> {
                digest.onEvent(event);
                if (verifier != null && event.kind == EventKind.ENGINE_STATUS && event.engineStatus == EngineStatus.JOURNAL_FAILED
                    && event.statusDetail == EngineStatus.STREAM_OUTBOUND) {
                    verifier.onOutboundJournalFailedLive();
                }
            });
            builder.outboundJournal((command, sequence, endOfBatch) -> {
                digest.onCommand(command);
                if (verifier != null) {
                    verifier.onCommand(command);
                }
            });
            final FusedPipeline fused = builder.buildFused(FEEDBACK_RING_SIZE);

            final InboundEvent event = new InboundEvent(Math.max(READ_LEVEL_CAPACITY, config.pipeline().levelsPerSlot()));
            long read = 0;
            long replayed = 0;
            long skippedReports = 0;
            long firstEventNs = 0;
            final long startNs = System.nanoTime();
            fused.start();
            while (reader.next(event)) {
                read++;
                final long receiveNs = event.receiveTimeNs;
                if (receiveNs < options.fromNs() || receiveNs > options.toNs()) {
                    continue;
                }
                if (event.kind == EventKind.EXECUTION_REPORT && event.venueId >= 0 && event.venueId < regeneratedVenue.length
                    && regeneratedVenue[event.venueId]) {
                    skippedReports++;
                    continue;
                }
                if (replayed == 0) {
                    firstEventNs = receiveNs;
                }
                pace(options.speed(), startNs, receiveNs - firstEventNs);
                fused.process(event, reader.sequence());
                replayed++;
                if (event.kind != null) {
                    kindCounts[event.kind.ordinal()]++;
                }
            }
            fused.stop();
            final long elapsedNs = System.nanoTime() - startNs;
            for (final EventKind kind : EventKind.values()) {
                if (kindCounts[kind.ordinal()] > 0) {
                    byKind.put(kind, kindCounts[kind.ordinal()]);
                }
            }
            final Divergence divergence = verifier != null ? verifier.finish() : null;
            final List<JournalDamage> skipped = new ArrayList<>(reader.skipped());
            long skippedDamage = reader.skippedCount();
            if (verifier != null) {
                skipped.addAll(verifier.skipped());
                skippedDamage += verifier.skippedCount();
            }
            final ReplayResult result = new ReplayResult(read, replayed, fused.generated(), byKind, digest.commands(),
                digest.fills(), errors.totalCount(), elapsedNs, digest.finish(), options.verify(), divergence,
                regenerate, skippedReports, stages.risk().killSwitch().trips(), stages.risk().killSwitch().reason(),
                tradingState(stages.risk().tradingStates()), verifier != null ? verifier.note() : null,
                skippedDamage, List.copyOf(skipped), reader.tail(), instrumentCheck.describe(instruments.count()));
            if (options.reportDir() != null) {
                ReplayReport.write(options, result, options.reportDir());
            }
            errors.logSummary();
            return result;
        }
    }

    /** The trading state as the live status line shows it: {@code ACTIVE}, or {@code HALTED: <reason>}. */
    private static String tradingState(final TradingStates states) {
        final TradingState state = states.state();
        return state == TradingState.ACTIVE ? state.name() : state + ": " + states.reason();
    }

    private static void pace(final ReplaySpeed speed, final long startNs, final long eventOffsetNs) {
        if (speed.isMax()) {
            return;
        }
        final long dueNs = startNs + speed.wallNanos(eventOffsetNs);
        long waitNs;
        while ((waitNs = dueNs - System.nanoTime()) > 0) {
            LockSupport.parkNanos(waitNs);
        }
    }
}
