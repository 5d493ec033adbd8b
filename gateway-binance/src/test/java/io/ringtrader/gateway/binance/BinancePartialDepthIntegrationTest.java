package io.ringtrader.gateway.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.book.OrderBooks;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.FeatureStage;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import io.ringtrader.gateway.binance.sync.BinanceBookSync;
import io.ringtrader.gateway.binance.sync.BinancePartialBook;
import io.ringtrader.sim.L2Book;
import io.ringtrader.sim.SimSymbol;
import io.ringtrader.sim.binance.BinanceMarket;
import io.ringtrader.sim.binance.BinanceSim;
import io.ringtrader.sim.binance.BinanceSimConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway on partial books ({@code streams: {depth: 100ms, depthLevels: 20}}) against exchange-sim over real
 * loopback sockets: it subscribes {@code btcusdt@depth20@100ms}, asks for no REST snapshot, and at every checkpoint
 * the engine's whole book is the sim book's top 20 levels a side; a dropped connection invalidates the book until the
 * next frame.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BinancePartialDepthIntegrationTest {
    private static final String SYMBOL = "BTCUSDT";
    private static final int LEVELS = 20;
    private static final int SIM_LEVELS = 30;
    private static final int CHANGED_LEVELS = 25;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final DistinctErrorHandler errors = new DistinctErrorHandler();
    private final List<Status> statuses = new CopyOnWriteArrayList<>();
    private final SplittableRandom random = new SplittableRandom(17);
    private volatile BookCopy latest;
    private BinanceSim sim;
    private Pipeline pipeline;
    private BinanceGateway gateway;

    /** A book status event and the book state the book stage wrote into it. */
    record Status(GatewayStatus status, int detail, BookState bookState) {
    }

    @BeforeEach
    void startSim() {
        sim = new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt()).build()).start();
        final String[][] bids = new String[SIM_LEVELS][];
        final String[][] asks = new String[SIM_LEVELS][];
        for (int i = 0; i < SIM_LEVELS; i++) {
            bids[i] = BinanceMarket.level(price(1_000 - i), qty());
            asks[i] = BinanceMarket.level(price(1_001 + i), qty());
        }
        sim.market().depthDiff(SYMBOL, bids, asks);
    }

    @AfterEach
    void stopAll() {
        SimPipelines.stop(pipeline, sim);
    }

    @Test
    void shouldHoldTheSimsTopTwentyLevelsAtEveryCheckpoint() {
        start();
        awaitValidBook();

        for (int checkpoint = 0; checkpoint < 4; checkpoint++) {
            for (int i = 0; i < 40; i++) {
                randomChange();
            }
            final BookCopy copy = awaitCaughtUp();
            assertEquals(BookState.VALID, copy.state());
            assertEquals(simTop(L2Book.Side.BID), copy.bids(), "bids at checkpoint " + checkpoint);
            assertEquals(simTop(L2Book.Side.ASK), copy.asks(), "asks at checkpoint " + checkpoint);
            assertEquals(LEVELS, copy.bids().size(), "the sim has more levels than the partial book holds");
        }
        final BinancePartialBook partial = gateway.decoder().partialBook(0);
        assertTrue(partial.applied() >= 5, partial.toString());
        assertEquals(0, gateway.decoder().snapshots(), "no REST snapshot body");
        assertEquals(0, gateway.decoder().sync(0).snapshotRequests(), "no REST snapshot request");
        assertEquals(0, gateway.decoder().decodeErrors());
    }

    @Test
    void shouldInvalidateTheBookWhenTheConnectionDropsAndBeValidWithTheNextFrame() {
        start();
        awaitValidBook();

        sim.faults().closeAllConnections();
        pumpUntil(() -> statuses.stream().anyMatch(s -> s.status() == GatewayStatus.BOOK_RESYNCED), "a resync");

        final Status invalid = statuses.stream().filter(s -> s.status() == GatewayStatus.BOOK_INVALID).findFirst()
            .orElseThrow(() -> new AssertionError("no BOOK_INVALID: " + statuses));
        assertEquals(BinanceBookSync.DETAIL_STREAM_INTERRUPTED, invalid.detail());
        assertEquals(BookState.INVALID, invalid.bookState(), "strategies and risk see the book invalid");
        final Status resynced = statuses.stream().filter(s -> s.status() == GatewayStatus.BOOK_RESYNCED).findFirst()
            .orElseThrow();
        assertEquals(BookState.VALID, resynced.bookState());
        final BookCopy copy = awaitCaughtUp();
        assertEquals(simTop(L2Book.Side.BID), copy.bids());
        assertEquals(simTop(L2Book.Side.ASK), copy.asks());
        assertEquals(1, gateway.decoder().partialBook(0).resyncs());
    }

    // ------------------------------------------------------------------ harness

    private void start() {
        final RingTraderConfig config = SimPipelines.config(sim,
            List.of("{symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}"),
            "    streams: {depth: 100ms, depthLevels: 20, bookTicker: false, trades: false, klines: [], markPrice: false,"
                + " openInterestInterval: 0s}",
            "    connection: {idleTimeout: 5s, reconnectInitialBackoff: 50ms, reconnectMaxBackoff: 500ms}");
        assertEquals(List.of("btcusdt@depth20@100ms"), BinanceGateway.streams(config.venues().venueConfig("binance").streams(),
            Engine.registry(config.instruments())));
        final InstrumentRegistry instruments = Engine.registry(config.instruments());
        final OrderBooks books = new OrderBooks(instruments.count(), 64, 20_000);
        gateway = new BinanceGateway(config.venues().venueConfig("binance"), instruments, 32, new SystemEpochNanoClock(), errors,
            null, false);
        pipeline = SimPipelines.builder("partial", books, errors)
            // on the book's thread, right after it: copy the whole book after each snapshot, keep the statuses
            .features((FeatureStage)(event, sequence, endOfBatch) -> observe(event, books))
            .producer(gateway)
            .build();
        pipeline.start();
    }

    private void observe(final InboundEvent event, final OrderBooks books) {
        if (event.kind == EventKind.GATEWAY_STATUS && event.instrumentId == 0) {
            statuses.add(new Status(event.gatewayStatus, event.statusDetail, event.bookState));
        }
        if (event.kind != EventKind.BOOK_SNAPSHOT || !event.batchLast) {
            return;
        }
        latest = BookCopy.of(event.lastUpdateId, books.book(event.instrumentId));
    }

    /** Changes the sim book now and then (a partial frame goes out only after a change) until the book is valid. */
    private void awaitValidBook() {
        pumpUntil(() -> latest != null && latest.state() == BookState.VALID, "a valid book");
    }

    /** Waits, without changing the sim book, until the engine's book holds the sim's last update. */
    private BookCopy awaitCaughtUp() {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        final long lastUpdateId = sim.market().lastUpdateId(SYMBOL);
        while (true) {
            final BookCopy copy = latest;
            if (copy != null && copy.lastUpdateId() == lastUpdateId && copy.state() == BookState.VALID) {
                return copy;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway did not catch up with u=" + lastUpdateId + ": " + copy);
            }
            sleep(20);
        }
    }

    private void pumpUntil(final BooleanSupplier condition, final String what) {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + WAIT + "; statuses " + statuses + ", book " + latest
                    + ", errors " + errors.totalCount());
            }
            randomChange();
            sleep(50);
        }
    }

    /**
     * Sets or (one time in eight) removes one of the 25 price levels nearest the touch on a random side: the book never
     * crosses, and with the 5 deeper levels never touched a side keeps more than 20 levels.
     */
    private void randomChange() {
        final int depth = random.nextInt(CHANGED_LEVELS);
        final String qty = random.nextInt(8) == 0 ? "0" : qty();
        if (random.nextBoolean()) {
            sim.market().depthDiff(SYMBOL, new String[][] {BinanceMarket.level(price(1_000 - depth), qty)}, new String[0][]);
        } else {
            sim.market().depthDiff(SYMBOL, new String[0][], new String[][] {BinanceMarket.level(price(1_001 + depth), qty)});
        }
    }

    private List<BookCopy.Level> simTop(final L2Book.Side side) {
        return BookCopy.levels(sim.market().bookSide(SYMBOL, side), 2, 3, LEVELS);
    }

    /** {@code ticks} x 0.10. */
    private static String price(final int ticks) {
        return BigDecimal.valueOf(ticks, 1).toPlainString();
    }

    private String qty() {
        return BigDecimal.valueOf(1 + random.nextInt(5_000), 3).toPlainString();
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
