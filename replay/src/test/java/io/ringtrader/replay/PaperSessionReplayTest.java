package io.ringtrader.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.execution.PaperExchange;
import io.ringtrader.engine.execution.PaperTradingRouter;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.routing.IntentRouter;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.pipeline.PublishResult;
import io.ringtrader.engine.pipeline.StrategyStage;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import io.ringtrader.recorder.InboundJournalWriter;
import io.ringtrader.recorder.JournalConfig;
import io.ringtrader.recorder.OutboundJournalWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.EpochNanoClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paper session (the paper venue fills on the router's thread) is journaled; {@code --verify} reproduces
 * its order commands, and a replay that regenerates the fills with the paper venue produces as many fills
 * as were journaled, with the same digest on every run.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PaperSessionReplayTest {
    private static final int TRADES = 2_000;
    private static final RingTraderConfig CONFIG = ConfigLoader.parse("""
        instruments:
          - {symbol: BTCUSDT, venue: binance, tickSize: "0.10", lotSize: "0.001"}
        execution:
          mode: paper
          makerFeeRate: "0.0002"
          takerFeeRate: "0.0004"
        """, "paper.yaml", name -> null).config();

    @TempDir
    static Path journal;
    static long journaledFills;
    static long commands;

    @BeforeAll
    static void recordPaperSession() throws Exception {
        final InstrumentRegistry instruments = Engine.registry(CONFIG.instruments());
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final EpochNanoClock clock = new SystemEpochNanoClock();
        final JournalConfig journalConfig = JournalConfig.defaults(journal);
        final Pipeline.Builder builder = Pipeline.builder().inboundRingSize(1024).outboundRingSize(1024).clock(clock).errorHandler(errors);
        Engine.businessStages(builder, CONFIG, instruments, errors);
        // The same paper router the engine installs, kept at hand to see when its report queue is empty.
        final PaperTradingRouter[] router = new PaperTradingRouter[1];
        builder.router((commands, events) -> router[0] = new PaperTradingRouter(new IntentRouter(instruments, commands, errors),
            new PaperExchange(instruments, 0.0002, 0.0004), events, instruments, errors));
        STRATEGY.extend(builder, instruments, errors);
        builder.journal(new InboundJournalWriter(journalConfig)).outboundJournal(new OutboundJournalWriter(journalConfig))
            .producer(new io.ringtrader.engine.pipeline.TimerAgent(TimeUnit.MILLISECONDS.toNanos(5), clock, errors, "test-timer"));
        final Pipeline pipeline = builder.build();
        pipeline.start();
        final long[] source = new long[3];
        source[0] = clock.nanoTime();
        assertEquals(PublishResult.PUBLISHED, pipeline.inboundPublisher().publish(SNAPSHOT, source));
        for (int i = 1; i <= TRADES; i++) {
            source[0] = clock.nanoTime();
            source[1] = i;
            source[2] = 6_180_000 + (i % 7 - 3) * 10;
            assertEquals(PublishResult.PUBLISHED, pipeline.inboundPublisher().publish(TRADE, source));
        }
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        do {
            TimeUnit.MILLISECONDS.sleep(50);
        } while (router[0].pendingReports() > 0 && System.nanoTime() < deadline);
        TimeUnit.MILLISECONDS.sleep(50);
        assertEquals(0, router[0].pendingReports(), "every paper report reached the ring before stopping");
        assertTrue(pipeline.stop().clean());
        // The test floods the ring, so the timer may lose a tick (counted as RING_FULL); nothing else may go wrong.
        assertEquals(0, errors.totalCount() - errors.count(io.ringtrader.engine.errors.ErrorKind.RING_FULL),
            () -> errors.distinctErrors().toString());
        commands = pipeline.outboundPublished();
        final ReplayResult asJournaled = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withVerify(true), STRATEGY);
        journaledFills = asJournaled.fills();
        assertTrue(commands > 0 && journaledFills > 0, "the session traded: " + commands + " commands, " + journaledFills + " fills");
    }

    @Test
    void shouldVerifyThePaperSessionAgainstItsJournal() throws Exception {
        final ReplayResult result = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withVerify(true), STRATEGY);
        assertNull(result.divergence(), () -> String.valueOf(result.divergence()));
        assertEquals(commands, result.commands());
        assertEquals(0, result.eventsGenerated(), "with --verify the journaled reports are fed back");
    }

    @Test
    void shouldRegenerateTheFillsWithThePaperVenueIdenticallyOnEveryRun() throws Exception {
        final ReplayResult first = ReplayRunner.run(CONFIG, ReplayOptions.of(journal), STRATEGY);
        final ReplayResult second = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withSpeed(ReplaySpeed.parse("50x")), STRATEGY);
        assertTrue(first.regenerated());
        assertTrue(first.skippedReports() > 0, "the journaled reports were skipped");
        assertTrue(first.eventsGenerated() > 0, "the paper venue published reports");
        assertEquals(commands, first.commands());
        assertEquals(journaledFills, first.fills(), "the paper venue fills as it did live");
        assertEquals(first.digest(), second.digest());
        assertEquals(0, first.errors());
    }

    /** Every 10th trade on a valid book: a GTC buy one tick under the trade, every 30th a market sell. */
    private static final EngineExtension STRATEGY = (builder, instruments, errors) -> builder.strategy(new StrategyStage() {
        private long nextOrderId = 1;

        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
            if (event.kind != EventKind.TRADE || event.bookState != BookState.VALID) {
                return;
            }
            if (event.tradeId % 30 == 0) {
                event.addIntent().newOrder(0, 9, nextOrderId++, OrderSide.SELL, OrderType.MARKET, TimeInForce.IOC, 0, 2, false);
            } else if (event.tradeId % 10 == 0) {
                event.addIntent().newOrder(0, 9, nextOrderId++, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC,
                    event.tradePrice - 10, 1, false);
            }
        }
    });

    private static final EventTranslatorOneArg<InboundEvent, long[]> SNAPSHOT = (event, sequence, source) -> {
        event.kind = EventKind.BOOK_SNAPSHOT;
        event.instrumentId = 0;
        event.venueId = 1;
        event.receiveTimeNs = source[0];
        event.exchangeTimeNs = 1_723_161_600_000_000_000L;
        event.addBid(6_180_000, 5_000);
        event.addBid(6_179_990, 3_000);
        event.addAsk(6_180_010, 4_000);
        event.addAsk(6_180_020, 2_000);
    };

    private static final EventTranslatorOneArg<InboundEvent, long[]> TRADE = (event, sequence, source) -> {
        event.kind = EventKind.TRADE;
        event.instrumentId = 0;
        event.venueId = 1;
        event.receiveTimeNs = source[0];
        event.exchangeTimeNs = 1_723_161_600_000_000_000L + source[1] * 1_000_000L;
        event.tradeId = source[1];
        event.tradePrice = source[2];
        event.tradeQty = 3;
        event.tradeAggressor = source[1] % 2 == 0 ? OrderSide.BUY : OrderSide.SELL;
    };
}
