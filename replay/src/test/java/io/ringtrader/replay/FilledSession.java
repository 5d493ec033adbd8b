package io.ringtrader.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.InboundPublisher;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.pipeline.PublishResult;
import io.ringtrader.engine.pipeline.StrategyStage;
import io.ringtrader.engine.pipeline.VenueStage;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import io.ringtrader.recorder.InboundJournalWriter;
import io.ringtrader.recorder.JournalConfig;
import io.ringtrader.recorder.JournalManifest;
import io.ringtrader.recorder.OutboundJournalWriter;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.EpochNanoClock;

/**
 * A journaled session that stands for one with a live venue, for replay tests: a book snapshot, then {@link #TRADES}
 * trades (and, if asked, a timer tick after every few of them); a test strategy buys on every 10th trade and on every
 * tick ({@link #strategy}); the router only routes, and a test venue fills every accepted order in full from its own
 * thread, as a live venue's IO thread would.
 */
final class FilledSession {
    static final int TRADES = 3_000;
    static final RingTraderConfig CONFIG = ConfigLoader.parse("""
        instruments:
          - {symbol: BTCUSDT, venue: binance, tickSize: "0.10", lotSize: "0.001"}
        pipeline:
          inboundRingSize: 1024
          outboundRingSize: 1024
        """, "test.yaml", name -> null).config();
    /** The timer ticks' scheduled times: this, then one ms later per tick. */
    static final long FIRST_TICK_SCHEDULED_NS = 1_723_161_700_000_000_000L;

    private FilledSession() {
    }

    /**
     * Runs the session into {@code journal} (its session headers hold the config's instruments) and stops it once every
     * order is filled and journaled.
     *
     * @param tradesPerTick a timer tick after every this many trades; 0 for none.
     * @return the order commands of the session.
     */
    static long record(final Path journal, final int tradesPerTick) throws Exception {
        final InstrumentRegistry instruments = Engine.registry(CONFIG.instruments());
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final EpochNanoClock clock = new SystemEpochNanoClock();
        final JournalConfig journalConfig = JournalConfig.defaults(journal)
            .withManifest(JournalManifest.of("ringtrader test", "", "", instruments));
        final Pipeline.Builder builder = Pipeline.builder()
            .inboundRingSize(1024)
            .outboundRingSize(1024)
            .clock(clock)
            .errorHandler(errors);
        Engine.businessStages(builder, CONFIG, instruments, errors);
        builder.router(publisher -> new io.ringtrader.engine.routing.IntentRouter(instruments, publisher, errors));
        strategy(1).extend(builder, instruments, errors);
        builder.venue(FillingVenue::new)
            .journal(new InboundJournalWriter(journalConfig))
            .outboundJournal(new OutboundJournalWriter(journalConfig));
        final Pipeline pipeline = builder.build();
        pipeline.start();

        final long[] source = new long[4];
        source[0] = clock.nanoTime();
        assertEquals(PublishResult.PUBLISHED, pipeline.inboundPublisher().publish(SNAPSHOT, source));
        long ticks = 0;
        long states = 0;
        for (int i = 1; i <= TRADES; i++) {
            source[0] = clock.nanoTime();
            source[1] = i;
            source[2] = 6_180_000 + (i % 7) * 10;
            assertEquals(PublishResult.PUBLISHED, pipeline.inboundPublisher().publish(TRADE, source));
            if (i % MARK_EVERY == 0) {
                source[0] = clock.nanoTime();
                assertEquals(PublishResult.PUBLISHED, pipeline.inboundPublisher().publish(MARK, source));
                states++;
            }
            if (i % OPEN_INTEREST_EVERY == 0) {
                source[0] = clock.nanoTime();
                assertEquals(PublishResult.PUBLISHED, pipeline.inboundPublisher().publish(OPEN_INTEREST, source));
                states++;
            }
            if (tradesPerTick > 0 && i % tradesPerTick == 0) {
                source[0] = clock.nanoTime();
                source[3] = FIRST_TICK_SCHEDULED_NS + ticks++ * 1_000_000L;
                assertEquals(PublishResult.PUBLISHED, pipeline.inboundPublisher().publish(TICK, source));
            }
        }
        final long commands = TRADES / 10 + ticks;
        final long expected = 1 + TRADES + ticks + states + commands;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pipeline.inboundPublished() < expected && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertTrue(pipeline.stop().clean());
        assertEquals(expected, pipeline.inboundPublished(), "every command filled and journaled");
        assertEquals(commands, pipeline.outboundPublished());
        assertEquals(0, errors.totalCount(), () -> errors.distinctErrors().toString());
        return commands;
    }

    /**
     * Buys {@code qty} lots at the trade price on every 10th trade once the book is valid, and {@code qty} lots of
     * instrument 0 at its last trade price on every timer tick.
     */
    static EngineExtension strategy(final long qty) {
        return (builder, instruments, errors) -> builder.strategy(new StrategyStage() {
            private long nextOrderId = 1;
            private long lastPrice;

            @Override
            public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
                if (event.kind == EventKind.TRADE && event.bookState == BookState.VALID) {
                    lastPrice = event.tradePrice;
                    if (event.tradeId % 10 == 0) {
                        event.addIntent().newOrder(event.instrumentId, 7, nextOrderId++, OrderSide.BUY, OrderType.LIMIT,
                            TimeInForce.GTC, event.tradePrice, qty, false);
                    }
                } else if (event.kind == EventKind.TIMER && lastPrice != 0) {
                    event.addIntent().newOrder(0, 7, nextOrderId++, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC,
                        lastPrice, qty, false);
                }
            }
        });
    }

    private static final EventTranslatorOneArg<InboundEvent, long[]> SNAPSHOT = (event, sequence, source) -> {
        event.kind = EventKind.BOOK_SNAPSHOT;
        event.instrumentId = 0;
        event.venueId = 1;
        event.receiveTimeNs = source[0];
        event.exchangeTimeNs = 1_723_161_600_000_000_000L;
        event.lastUpdateId = 100;
        event.addBid(6_180_000, 5_000);
        event.addBid(6_179_990, 3_000);
        event.addAsk(6_180_010, 4_000);
        event.addAsk(6_180_020, 2_000);
    };

    /** source: receive time, -, -, scheduled time; as a timer publishes a tick (no exchange time). */
    private static final EventTranslatorOneArg<InboundEvent, long[]> TICK = (event, sequence, source) -> {
        event.kind = EventKind.TIMER;
        event.timerId = 1;
        event.timerScheduledNs = source[3];
        event.receiveTimeNs = source[0];
    };

    /** A market state every this many trades, as Binance's markPrice stream sends it (no open interest). */
    static final int MARK_EVERY = 100;
    /** An open-interest-only market state every this many trades, as the open-interest poll publishes it. */
    static final int OPEN_INTEREST_EVERY = 250;

    /** source: receive time, trade number; mark, index, funding rate and next funding time as Binance sends them. */
    private static final EventTranslatorOneArg<InboundEvent, long[]> MARK = (event, sequence, source) -> {
        event.kind = EventKind.MARKET_STATE;
        event.instrumentId = 0;
        event.venueId = 1;
        event.receiveTimeNs = source[0];
        event.exchangeTimeNs = 1_723_161_600_000_000_000L + source[1] * 1_000_000L;
        event.markPrice = 6_180_005 + source[1] % 3;
        event.indexPrice = 6_180_000;
        event.fundingRate = -38_167;
        event.nextFundingTimeNs = 1_723_190_400_000_000_000L;
        io.ringtrader.engine.event.MarketState.flagPresent(event);
    };

    private static final EventTranslatorOneArg<InboundEvent, long[]> OPEN_INTEREST = (event, sequence, source) -> {
        event.kind = EventKind.MARKET_STATE;
        event.instrumentId = 0;
        event.venueId = 1;
        event.receiveTimeNs = source[0];
        event.exchangeTimeNs = 1_723_161_600_000_000_000L + source[1] * 1_000_000L;
        event.openInterest = 10_659_509 + source[1];
        event.marketStateFields = io.ringtrader.engine.event.MarketState.OPEN_INTEREST;
    };

    private static final EventTranslatorOneArg<InboundEvent, long[]> TRADE = (event, sequence, source) -> {
        event.kind = EventKind.TRADE;
        event.instrumentId = 0;
        event.venueId = 1;
        event.receiveTimeNs = source[0];
        event.exchangeTimeNs = 1_723_161_600_000_000_000L + source[1] * 1_000_000L;
        event.tradeId = source[1];
        event.tradePrice = source[2];
        event.tradeQty = 7;
        event.tradeAggressor = OrderSide.SELL;
    };

    /** Fills every accepted order in full from its own thread, as a live venue's IO thread would. */
    private static final class FillingVenue implements VenueStage {
        private static final EventTranslatorOneArg<InboundEvent, long[]> FILL = (event, sequence, fill) -> {
            event.kind = EventKind.EXECUTION_REPORT;
            event.instrumentId = (int)fill[0];
            event.venueId = 1;
            event.execType = ExecType.FILL;
            event.clientOrderId = fill[1];
            event.venueOrderId = 9_000 + fill[1];
            event.execSide = OrderSide.BUY;
            event.lastFillPrice = fill[2];
            event.lastFillQty = fill[3];
            event.cumFillQty = fill[3];
            event.leavesQty = 0;
            event.receiveTimeNs = System.nanoTime();
        };
        private final InboundPublisher publisher;
        private final BlockingQueue<long[]> fills = new LinkedBlockingQueue<>();
        private Thread exchange;

        FillingVenue(final InboundPublisher publisher) {
            this.publisher = publisher;
        }

        @Override
        public void onStart() {
            exchange = new Thread(() -> {
                try {
                    while (true) {
                        final long[] fill = fills.take();
                        if (fill.length == 0) {
                            return;
                        }
                        publisher.publish(FILL, fill);
                    }
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-exchange");
            exchange.start();
        }

        @Override
        public void onCommand(final io.ringtrader.engine.event.OrderCommand command, final long sequence, final boolean endOfBatch) {
            if (command.decision == RiskDecision.ACCEPTED) {
                fills.add(new long[] {command.instrumentId, command.clientOrderId, command.priceMantissa, command.qtyMantissa});
            }
        }

        @Override
        public void onShutdown() {
            fills.add(new long[0]);
            try {
                exchange.join(5_000);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
