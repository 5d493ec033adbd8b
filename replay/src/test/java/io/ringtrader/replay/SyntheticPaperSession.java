package io.ringtrader.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.pipeline.InboundPublisher;
import io.ringtrader.engine.pipeline.PublishResult;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.engine.runtime.EngineMode;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import io.ringtrader.recorder.InboundJournalWriter;
import io.ringtrader.recorder.JournalConfig;
import io.ringtrader.recorder.JournalManifest;
import io.ringtrader.recorder.OutboundJournalWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A journaled paper session of the {@link Engine} for replay tests: the configured OBI scalper (built by the same
 * {@link Engine#businessStages} a replay uses) on synthetic book updates whose imbalance swings and whose price
 * walks, paced like a market feed so that the paper fills come back between updates and the scalper trades again.
 */
final class SyntheticPaperSession {
    static final int UPDATES = 2_000;
    private static final long PACE_NS = 200_000;
    private static final String CONFIG_TEMPLATE = """
        instruments:
          - {symbol: BTCUSDT, venue: binance, tickSize: "0.10", lotSize: "0.001"}
        execution:
          mode: paper
          makerFeeRate: "0.0002"
          takerFeeRate: "0.0004"
        pipeline:
          inboundRingSize: 4096
          outboundRingSize: 1024
          timerInterval: 10s
        features:
          levels: 1
        strategies:
          - name: obi
            type: obi-scalper
            instruments: [BTCUSDT]
            params:
              threshold: "THRESHOLD"
              maxSpreadTicks: 1
              orderQty: "0.002"
              takeProfitTicks: 2
              stopLossTicks: 2
              maxHolding: 20ms
        risk:
          maxPosition: "0.004"
          maxOrderQty: "0.002"
        """;
    /** Imbalance of the top level per update, cycling: +0.6, 0, -0.6, 0, +0.9, 0, -0.9, 0. */
    private static final long[][] TOP_QTYS = {
        {8_000, 2_000}, {5_000, 5_000}, {2_000, 8_000}, {5_000, 5_000},
        {9_500, 500}, {5_000, 5_000}, {500, 9_500}, {5_000, 5_000},
    };

    private SyntheticPaperSession() {
    }

    /** The session's configuration with the scalper's imbalance {@code threshold}. */
    static RingTraderConfig config(final String threshold) {
        return ConfigLoader.parse(CONFIG_TEMPLATE.replace("THRESHOLD", threshold), "paper.yaml", name -> null).config();
    }

    /**
     * Runs the session into {@code journal} (a snapshot, then {@link #UPDATES} deltas), waits until it is quiet
     * and stops it cleanly.
     *
     * @param beforeUpdate called on the calling thread before each delta is published (1 .. {@link #UPDATES}).
     * @return the stopped engine, to read its counters.
     */
    static Engine record(final Path journal, final RingTraderConfig config, final BeforeUpdate beforeUpdate) throws Exception {
        final EngineExtension journals = (builder, instruments, errors) -> {
            final JournalConfig journalConfig = JournalConfig.defaults(journal)
                .withManifest(JournalManifest.of("ringtrader test", "", "", instruments));
            builder.journal(new InboundJournalWriter(journalConfig)).outboundJournal(new OutboundJournalWriter(journalConfig));
        };
        final SystemEpochNanoClock clock = new SystemEpochNanoClock();
        final Engine engine = Engine.create(config, clock, journals, EngineMode.TRADE);
        assertEquals(1, engine.businessStages().strategies().instanceCount(), "the configured scalper");
        engine.start();
        try {
            final InboundPublisher publisher = engine.pipeline().inboundPublisher();
            final long[] source = new long[6];
            source[0] = clock.nanoTime();
            assertEquals(PublishResult.PUBLISHED, publisher.publish(SNAPSHOT, source));
            long previousMid = 6_180_000;
            for (int i = 1; i <= UPDATES; i++) {
                beforeUpdate.accept(engine, i);
                source[0] = clock.nanoTime();
                source[1] = i;
                source[2] = 6_180_000 + ((i / 5) % 9 - 4) * 10L;
                source[3] = previousMid;
                source[4] = TOP_QTYS[i % TOP_QTYS.length][0];
                source[5] = TOP_QTYS[i % TOP_QTYS.length][1];
                previousMid = source[2];
                assertEquals(PublishResult.PUBLISHED, publisher.publish(DELTA, source));
                LockSupport.parkNanos(PACE_NS);
            }
            awaitQuiet(engine);
        } finally {
            assertTrue(engine.stop().clean());
        }
        assertEquals(0, engine.errors().totalCount(), () -> engine.errors().distinctErrors().toString());
        return engine;
    }

    /** What a test does during the session, before the numbered update is published. */
    @FunctionalInterface
    interface BeforeUpdate {
        BeforeUpdate NOTHING = (engine, update) -> { };

        void accept(Engine engine, int update) throws Exception;
    }

    /** Waits until the paper venue's reports stopped coming: no inbound event for a few polls in a row. */
    private static void awaitQuiet(final Engine engine) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long last = -1;
        int quietPolls = 0;
        while (quietPolls < 3 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
            final long published = engine.pipeline().inboundPublished();
            quietPolls = published == last ? quietPolls + 1 : 0;
            last = published;
        }
        assertEquals(3, quietPolls, "the session went quiet");
    }

    private static final EventTranslatorOneArg<InboundEvent, long[]> SNAPSHOT = (event, sequence, source) -> {
        event.kind = EventKind.BOOK_SNAPSHOT;
        event.instrumentId = 0;
        event.venueId = 1;
        event.receiveTimeNs = source[0];
        event.exchangeTimeNs = 1_723_161_600_000_000_000L;
        event.addBid(6_180_000, 5_000);
        event.addAsk(6_180_010, 5_000);
    };

    /** source: receive time, update number, best bid, previous best bid, top bid qty, top ask qty. */
    private static final EventTranslatorOneArg<InboundEvent, long[]> DELTA = (event, sequence, source) -> {
        event.kind = EventKind.BOOK_DELTA;
        event.instrumentId = 0;
        event.venueId = 1;
        event.receiveTimeNs = source[0];
        event.exchangeTimeNs = 1_723_161_600_000_000_000L + source[1] * 1_000_000L;
        final long bid = source[2];
        final long previousBid = source[3];
        if (previousBid != bid) {
            event.addBid(previousBid, 0);
            event.addAsk(previousBid + 10, 0);
        }
        event.addBid(bid, source[4]);
        event.addAsk(bid + 10, source[5]);
    };
}
