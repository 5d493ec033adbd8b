package io.ringtrader.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import io.ringtrader.recorder.JournalNotFoundException;
import io.ringtrader.recorder.OutboundJournalWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.EpochNanoClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live session with a strategy that trades and a venue that fills is journaled; replays of that journal
 * must reproduce its order commands exactly ({@code --verify}), give the same digest every time and at
 * every speed, and name the first divergence when a strategy parameter changes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplayDeterminismTest {
    private static final int TRADES = 3_000;
    private static final RingTraderConfig CONFIG = ConfigLoader.parse("""
        instruments:
          - {symbol: BTCUSDT, venue: binance, tickSize: "0.10", lotSize: "0.001"}
        pipeline:
          inboundRingSize: 1024
          outboundRingSize: 1024
        """, "test.yaml", name -> null).config();

    @TempDir
    static Path journal;

    @BeforeAll
    static void recordLiveSession() throws Exception {
        final InstrumentRegistry instruments = Engine.registry(CONFIG.instruments());
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final EpochNanoClock clock = new SystemEpochNanoClock();
        final JournalConfig journalConfig = JournalConfig.defaults(journal);
        final Pipeline.Builder builder = Pipeline.builder()
            .inboundRingSize(1024)
            .outboundRingSize(1024)
            .clock(clock)
            .errorHandler(errors);
        Engine.businessStages(builder, CONFIG, instruments, errors);
        // This session stands for one with a live venue: the router only routes, the test venue fills.
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
        for (int i = 1; i <= TRADES; i++) {
            source[0] = clock.nanoTime();
            source[1] = i;
            source[2] = 6_180_000 + (i % 7) * 10;
            assertEquals(PublishResult.PUBLISHED, pipeline.inboundPublisher().publish(TRADE, source));
        }
        final long expected = 1 + TRADES + TRADES / 10;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pipeline.inboundPublished() < expected && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertTrue(pipeline.stop().clean());
        assertEquals(expected, pipeline.inboundPublished(), "every command filled and journaled");
        assertEquals(TRADES / 10, pipeline.outboundPublished());
        assertEquals(0, errors.totalCount(), () -> errors.distinctErrors().toString());
    }

    @Test
    void shouldReproduceTheLiveOrderCommandsExactly() throws Exception {
        final ReplayResult result = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withVerify(true), strategy(1));
        assertNull(result.divergence(), () -> result.divergence().toString());
        assertEquals(TRADES / 10, result.commands());
        assertEquals(TRADES / 10, result.fills());
        assertEquals(1 + TRADES + TRADES / 10, result.eventsReplayed());
        assertEquals(0, result.errors());
    }

    @Test
    void shouldGiveTheSameDigestOnEveryRunAndAtEverySpeed() throws Exception {
        final String first = ReplayRunner.run(CONFIG, ReplayOptions.of(journal), strategy(1)).digest();
        final String second = ReplayRunner.run(CONFIG, ReplayOptions.of(journal), strategy(1)).digest();
        final String paced = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withSpeed(ReplaySpeed.parse("20x")), strategy(1)).digest();
        assertTrue(first.matches("sha256:[0-9a-f]{64}"), first);
        assertEquals(first, second);
        assertEquals(first, paced);
    }

    @Test
    void shouldNameTheFirstDivergenceWhenAStrategyParameterChanges() throws Exception {
        final ReplayResult result = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withVerify(true), strategy(2));
        assertNotNull(result.divergence());
        assertEquals(0, result.divergence().commandIndex());
        assertTrue(result.divergence().expected().contains("qty=1,"), result.divergence().toString());
        assertTrue(result.divergence().actual().contains("qty=2,"), result.divergence().toString());
        assertNotEquals(ReplayRunner.run(CONFIG, ReplayOptions.of(journal), strategy(1)).digest(), result.digest());
    }

    @Test
    void shouldReplayOnlyTheEventsInsideTheTimeRange() throws Exception {
        final ReplayResult all = ReplayRunner.run(CONFIG, ReplayOptions.of(journal), strategy(1));
        final ReplayResult none = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withRange(0, 1), strategy(1));
        assertEquals(all.eventsRead(), none.eventsRead());
        assertEquals(0, none.eventsReplayed());
        assertEquals(0, none.commands());
    }

    @Test
    void shouldWriteTextAndHtmlReports(@TempDir final Path reports) throws Exception {
        final ReplayResult result = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withVerify(true).withReportDir(reports), strategy(1));
        final String text = Files.readString(reports.resolve("replay-report.txt"));
        assertTrue(text.contains("digest: " + result.digest()), text);
        assertTrue(text.contains("verify: OK"), text);
        assertTrue(Files.readString(reports.resolve("replay-report.html")).contains(result.digest()));
    }

    @Test
    void shouldRefuseAMissingJournal(@TempDir final Path empty) {
        assertThrows(JournalNotFoundException.class,
            () -> ReplayRunner.run(CONFIG, ReplayOptions.of(empty.resolve("absent")), EngineExtension.NONE));
    }

    /** Buys {@code qty} lots at the trade price on every 10th trade once the book is valid. */
    private static EngineExtension strategy(final long qty) {
        return (builder, instruments, errors) -> builder.strategy(new StrategyStage() {
            private long nextOrderId = 1;

            @Override
            public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
                if (event.kind == EventKind.TRADE && event.bookState == BookState.VALID && event.tradeId % 10 == 0) {
                    event.addIntent().newOrder(event.instrumentId, 7, nextOrderId++, OrderSide.BUY, OrderType.LIMIT,
                        TimeInForce.GTC, event.tradePrice, qty, false);
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
