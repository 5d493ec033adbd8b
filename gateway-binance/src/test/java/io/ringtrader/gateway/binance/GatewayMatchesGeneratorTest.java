package io.ringtrader.gateway.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.book.OrderBooks;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.FeatureStage;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import io.ringtrader.sim.L2Book;
import io.ringtrader.sim.SimSymbol;
import io.ringtrader.sim.binance.BinanceSim;
import io.ringtrader.sim.binance.BinanceSimConfig;
import io.ringtrader.sim.binance.gen.SyntheticMarket;
import io.ringtrader.sim.binance.gen.SyntheticMarketConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway's synced books equal the synthetic market's books at checkpoints: the seeded generator drives
 * exchange-sim, the gateway follows over loopback WebSockets and REST snapshots, and after each burst of events the
 * engine's whole book (every level) must be the generator's.
 *
 * <p>The sim aggregates diffs per 100 ms of venue time, as the venue does: the last burst's final period goes out only
 * when venue time (here the generator's simulated clock) leaves it. So a checkpoint lets a quiet second of model time
 * pass ({@link SyntheticMarket#pause}) before it compares: then the sim's last {@code u} is on the wire.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class GatewayMatchesGeneratorTest {
    private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(30);
    private static final Duration QUIET = Duration.ofSeconds(1);

    private BinanceSim sim;
    private Pipeline pipeline;
    private final ConcurrentHashMap<Integer, BookCopy> latest = new ConcurrentHashMap<>();

    @AfterEach
    void stopAll() {
        SimPipelines.stop(pipeline, sim);
    }

    @Test
    void shouldHoldTheGeneratorsBookAtEveryCheckpoint() {
        sim = new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt()).symbol(SimSymbol.ethusdt()).build())
            .start();
        final SyntheticMarket market = new SyntheticMarket(sim, SyntheticMarketConfig.builder().seed(11).eventRate(5_000)
            .timeMode(SyntheticMarketConfig.TimeMode.SIMULATED).build());
        final InstrumentRegistry instruments = startGateway();

        burst(market, 200);
        for (int checkpoint = 0; checkpoint < 4; checkpoint++) {
            awaitCaughtUp(market, instruments);
            for (final Instrument instrument : instruments.instruments()) {
                final BookCopy copy = latest.get(instrument.id());
                assertEquals(BookState.VALID, copy.state(), instrument.symbol());
                assertEquals(levels(market.book(instrument.symbol(), L2Book.Side.BID), instrument), copy.bids(),
                    instrument.symbol() + " bids at checkpoint " + checkpoint);
                assertEquals(levels(market.book(instrument.symbol(), L2Book.Side.ASK), instrument), copy.asks(),
                    instrument.symbol() + " asks at checkpoint " + checkpoint);
                assertTrue(copy.bids().size() > 5 && copy.asks().size() > 5, "a real book: " + copy.bids().size());
            }
            burst(market, 1_500);
        }
    }

    /** {@code events} events, then a quiet second of model time that ends the last aggregation period. */
    private static void burst(final SyntheticMarket market, final int events) {
        market.runFor(events);
        market.pause(QUIET);
    }

    /** Runs more events until the gateway's book of every instrument has caught up with the last diff sent. */
    private void awaitCaughtUp(final SyntheticMarket market, final InstrumentRegistry instruments) {
        final long deadline = System.nanoTime() + WAIT_NS;
        while (true) {
            boolean caughtUp = true;
            for (final Instrument instrument : instruments.instruments()) {
                final BookCopy copy = latest.get(instrument.id());
                caughtUp &= copy != null && copy.state() == BookState.VALID
                    && copy.lastUpdateId() == sim.market().lastUpdateId(instrument.symbol());
            }
            if (caughtUp) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway did not catch up: " + latest + " vs sim "
                    + sim.market().lastUpdateId("BTCUSDT") + "/" + sim.market().lastUpdateId("ETHUSDT"));
            }
            sleep(200);
            // a book waits for a diff that bridges its snapshot: keep the market moving until it has one
            if (!allSynced(instruments)) {
                burst(market, 20);
            }
        }
    }

    private boolean allSynced(final InstrumentRegistry instruments) {
        for (final Instrument instrument : instruments.instruments()) {
            final BookCopy copy = latest.get(instrument.id());
            if (copy == null || copy.state() != BookState.VALID) {
                return false;
            }
        }
        return true;
    }

    private InstrumentRegistry startGateway() {
        final RingTraderConfig config = SimPipelines.config(sim, List.of(
                "{symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
                "{symbol: ETHUSDT, venue: binance, tickSize: \"0.01\", lotSize: \"0.001\"}"),
            "    streams: {bookTicker: false, trades: false, klines: [], markPrice: false, openInterestInterval: 0s}");
        final InstrumentRegistry instruments = Engine.registry(config.instruments());
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final OrderBooks books = new OrderBooks(instruments.count(), 64, 20_000);
        final BinanceGateway gateway = new BinanceGateway(config.venues().venueConfig("binance"), instruments, 32,
            new SystemEpochNanoClock(), errors, null, false);
        pipeline = SimPipelines.builder("gen", books, errors)
            // on the book's thread, right after it: copy the whole book after each complete update
            .features((FeatureStage)(event, sequence, endOfBatch) -> copyBook(event, books))
            .producer(gateway)
            .build();
        pipeline.start();
        return instruments;
    }

    private void copyBook(final InboundEvent event, final OrderBooks books) {
        if ((event.kind != EventKind.BOOK_DELTA && event.kind != EventKind.BOOK_SNAPSHOT) || !event.batchLast) {
            return;
        }
        latest.put(event.instrumentId, BookCopy.of(event.lastUpdateId, books.book(event.instrumentId)));
    }

    private static List<BookCopy.Level> levels(final List<BigDecimal[]> side, final Instrument instrument) {
        return BookCopy.levels(side, instrument.priceScale(), instrument.qtyScale(), Integer.MAX_VALUE);
    }

    private static void sleep(final long ms) {
        try {
            Thread.sleep(ms);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
