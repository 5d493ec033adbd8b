package io.ringtrader.gateway.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.book.OrderBooks;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.FeatureStage;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.pipeline.VenueStage;
import io.ringtrader.engine.risk.PreTradeRiskHandler;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.runtime.RiskStatusLine;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import io.ringtrader.gateway.binance.rest.BinanceOrderEntry;
import io.ringtrader.gateway.binance.sync.BinanceBookSync;
import io.ringtrader.gateway.binance.user.ClientOrderIds;
import io.ringtrader.gateway.binance.user.UserStreamDecoder;
import io.ringtrader.sim.L2Book;
import io.ringtrader.sim.SimSymbol;
import io.ringtrader.sim.binance.BinanceMarket;
import io.ringtrader.sim.binance.BinanceSim;
import io.ringtrader.sim.binance.BinanceSimConfig;
import io.ringtrader.sim.binance.WsRoute;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway against exchange-sim over real loopback sockets: routed WebSocket streams, REST snapshots, the
 * documented book sync and its recovery on the venue's aggregated diffs (the sim's default), signed order entry with
 * the venue's refusals, the user data stream, and fault handling. The book sits around 100 (BTCUSDT's grid with the
 * sim's grid-only filters: the real PRICE_FILTER starts at 556.80).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BinanceGatewayIntegrationTest {
    private static final String SYMBOL = "BTCUSDT";
    private static final SimSymbol BTC_AT_100 = new SimSymbol(SYMBOL, "0.10", "0.001", 2, 3);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private BinanceSim sim;
    private Pipeline pipeline;
    private BinanceGateway gateway;
    private VenueStage orderEntry;
    private PreTradeRiskHandler risk;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final DistinctErrorHandler errors = new DistinctErrorHandler();
    private int bidQty = 1_000;

    /** What the test needs of one event, as the book stage left it. */
    record Seen(EventKind kind, int instrumentId, GatewayStatus status, int detail, BookState bookState, long bestBid,
                long bestBidQty, long bestAsk, long bestAskQty, ExecType execType, long clientOrderId, long lastFillQty,
                long cumFillQty, int rejectCode, long positionQty) {
    }

    @BeforeEach
    void startSim() {
        sim = new BinanceSim(BinanceSimConfig.builder().symbol(BTC_AT_100).apiKey("it-key", "it-secret").build()).start();
        sim.market().depthDiff(SYMBOL,
            new String[][] {BinanceMarket.level("100.00", "1.000"), BinanceMarket.level("99.90", "2.000")},
            new String[][] {BinanceMarket.level("100.10", "1.500"), BinanceMarket.level("100.20", "3.000")});
    }

    @AfterEach
    void stopAll() {
        SimPipelines.stop(pipeline, sim);
    }

    @Test
    void shouldSubscribeSyncTheBookFromASnapshotAndFollowTheDiffs() {
        start(false);

        awaitValidBookMatchingTheSim();

        assertTrue(seen.stream().anyMatch(s -> s.kind() == EventKind.GATEWAY_STATUS && s.status() == GatewayStatus.CONNECTED));
        assertTrue(seen.stream().anyMatch(s -> s.kind() == EventKind.BOOK_SNAPSHOT));
        // the book can be valid from the snapshot before the first bookTicker arrives: pump until one has
        pumpUntil(s -> s.kind() == EventKind.BBO, "a bookTicker published");
        final BinanceBookSync sync = gateway.decoder().sync(0);
        assertTrue(sync.applied() > 0, sync.toString());
        assertEquals(0, sync.gaps());
    }

    @Test
    void shouldInvalidateOnADroppedDiffThenResyncAndBeValidAgain() {
        start(false);
        awaitValidBookMatchingTheSim();

        sim.faults().dropNextDepthDiff(SYMBOL);
        pumpUntil(s -> s.kind() == EventKind.GATEWAY_STATUS && s.status() == GatewayStatus.BOOK_RESYNCED, "a resync");

        final Seen invalid = first(s -> s.kind() == EventKind.GATEWAY_STATUS && s.status() == GatewayStatus.BOOK_INVALID);
        assertEquals(BinanceBookSync.DETAIL_SEQUENCE_GAP, invalid.detail());
        assertEquals(BookState.INVALID, invalid.bookState());
        awaitValidBookMatchingTheSim();
        assertEquals(1, gateway.decoder().sync(0).gaps());
        assertEquals(1, gateway.decoder().sync(0).resyncs());
    }

    @Test
    void shouldReconnectAfterTheSocketIsClosedAndResyncTheBook() {
        start(false);
        awaitValidBookMatchingTheSim();

        sim.faults().closeAllConnections();
        pumpUntil(s -> s.kind() == EventKind.GATEWAY_STATUS && s.status() == GatewayStatus.BOOK_RESYNCED, "a resync");

        assertTrue(seen.stream().anyMatch(s -> s.kind() == EventKind.GATEWAY_STATUS && s.status() == GatewayStatus.DISCONNECTED));
        final Seen invalid = first(s -> s.kind() == EventKind.GATEWAY_STATUS && s.status() == GatewayStatus.BOOK_INVALID);
        assertEquals(BinanceBookSync.DETAIL_STREAM_INTERRUPTED, invalid.detail());
        assertTrue(seen.stream().filter(s -> s.kind() == EventKind.GATEWAY_STATUS && s.status() == GatewayStatus.CONNECTED
            && s.detail() == 0).count() >= 2, "the public connection connected again");
        awaitValidBookMatchingTheSim();
    }

    @Test
    void shouldInvalidateTheBookTheMomentTheVenueDiesWithoutWaitingForAReconnect() {
        start(false);
        awaitValidBookMatchingTheSim();

        sim.close();

        final Seen invalid = awaitSeen(s -> s.kind() == EventKind.GATEWAY_STATUS && s.status() == GatewayStatus.BOOK_INVALID,
            "BOOK_INVALID while the venue is down");
        assertEquals(BinanceBookSync.DETAIL_STREAM_INTERRUPTED, invalid.detail());
        assertEquals(BookState.INVALID, invalid.bookState());
        assertEquals(1, seen.stream().filter(s -> s.kind() == EventKind.GATEWAY_STATUS
            && s.status() == GatewayStatus.CONNECTED && s.detail() == 0).count(), "no reconnect could have happened");
        awaitSeen(s -> risk.bookState(0) == BookState.INVALID && !risk.venues().isUp(Venue.BINANCE_USDM.id()),
            "the risk stage saw it");
        final StringBuilder line = new StringBuilder();
        RiskStatusLine.appendVenues(line, risk, List.of(Venue.BINANCE_USDM));
        RiskStatusLine.appendQuote(line, risk, risk.position(0).instrument());
        assertTrue(line.toString().startsWith(" | binance DISCONNECTED ") && line.toString().endsWith(" STALE (book INVALID)"),
            line.toString());
    }

    @Test
    void shouldInvalidateTheBookWhenItsFeedFallsSilentBeforeTheReconnect() {
        start(false, "1s");
        awaitValidBookMatchingTheSim();

        sim.faults().silence(WsRoute.PUBLIC, true);

        awaitSeen(s -> s.kind() == EventKind.GATEWAY_STATUS && s.status() == GatewayStatus.BOOK_INVALID,
            "BOOK_INVALID after the idle timeout");
        final List<Seen> publicStatuses = seen.stream().filter(s -> s.kind() == EventKind.GATEWAY_STATUS
            && (s.instrumentId() == 0 || s.detail() == 0)).toList();
        final int lost = indexOf(publicStatuses, GatewayStatus.DISCONNECTED);
        final int invalid = indexOf(publicStatuses, GatewayStatus.BOOK_INVALID);
        assertTrue(lost >= 0 && invalid == lost + 1, "the book is invalidated right at the disconnect, before the "
            + "reconnect's CONNECTED: " + publicStatuses);
    }

    @Test
    void shouldKeepStreamingAfterBadFrames() {
        start(false);
        awaitValidBookMatchingTheSim();
        final long appliedBefore = gateway.decoder().sync(0).applied();

        sim.faults().injectFrame(WsRoute.PUBLIC, "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,");
        sim.faults().injectFrame(WsRoute.PUBLIC, "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":1,"
            + "\"s\":\"BTCUSDT\",\"b\":\"1x0\",\"B\":\"1\",\"a\":\"2\",\"A\":\"1\",\"T\":1,\"E\":1}}");
        sim.faults().injectFrame(WsRoute.PUBLIC, "not json at all");
        pumpUntil(s -> gateway.decoder().sync(0).applied() >= appliedBefore + 3, "three more applied diffs");

        assertTrue(gateway.decoder().decodeErrors() >= 2, "decode errors counted: " + gateway.decoder().decodeErrors());
        assertEquals(0, gateway.decoder().sync(0).gaps());
        awaitValidBookMatchingTheSim();
    }

    @Test
    void shouldPlaceAnOrderThatIsAckedFilledAndShowsInThePosition() {
        start(true);
        awaitValidBookMatchingTheSim();
        awaitUserStream();

        send(7, OrderSide.BUY, OrderType.MARKET, null, 0, 500);

        awaitSeen(s -> s.kind() == EventKind.EXECUTION_REPORT && s.execType() == ExecType.ACK && s.clientOrderId() == 7, "ack");
        final Seen fill = awaitSeen(s -> s.kind() == EventKind.EXECUTION_REPORT && s.execType() == ExecType.FILL
            && s.clientOrderId() == 7, "fill");
        assertEquals(500, fill.lastFillQty());
        assertEquals(500, fill.cumFillQty());
        final Seen position = awaitSeen(s -> s.kind() == EventKind.POSITION && s.positionQty() != 0, "position");
        assertEquals(500, position.positionQty());
        assertEquals(0, new BigDecimal("0.500").compareTo(sim.account().positionAmt(SYMBOL)));
    }

    @Test
    void shouldReportAPostOnlyOrderThatWouldTakeAsARejectWithTheVenueCode() {
        assertVenueReject(10, OrderType.LIMIT, TimeInForce.GTX, 10_010, 1_000, -5022);
    }

    @Test
    void shouldReportAFokOrderThatCannotFillAsARejectWithTheVenueCode() {
        assertVenueReject(11, OrderType.LIMIT, TimeInForce.FOK, 10_020, 5_000, -5021);
    }

    @Test
    void shouldReportAnOrderBelowTheMinimumNotionalAsARejectWithTheVenueCode() {
        assertVenueReject(12, OrderType.LIMIT, TimeInForce.GTC, 9_000, 10, -4164);
    }

    @Test
    void shouldReportAnOrderNeedingMoreMarginThanTheWalletHoldsAsARejectWithTheVenueCode() {
        // 3,000 at 90.00 = 270,000 of notional: 13,500 of margin at 20x, the wallet holds 10,000
        assertVenueReject(13, OrderType.LIMIT, TimeInForce.GTC, 9_000, 3_000_000, -2019);
    }

    /** The venue refuses the BUY: one REJECT with its code, no ACK, nothing placed, nothing on the user stream. */
    private void assertVenueReject(final long clientOrderId, final OrderType type, final TimeInForce tif,
        final long price, final long qty, final int venueCode) {
        start(true);
        awaitValidBookMatchingTheSim();
        awaitUserStream();

        send(clientOrderId, OrderSide.BUY, type, tif, price, qty);

        final Seen report = awaitSeen(s -> s.kind() == EventKind.EXECUTION_REPORT && s.clientOrderId() == clientOrderId,
            "a report");
        assertEquals(ExecType.REJECT, report.execType());
        assertEquals(venueCode, report.rejectCode());
        assertEquals(0, sim.account().orderCount(), "the venue recorded no order");
        assertEquals(1, seen.stream().filter(s -> s.kind() == EventKind.EXECUTION_REPORT).count(), "one report: " + seen);
    }

    @Test
    void shouldRejectAnOrderTheVenueThrottlesWith429WithoutResendingIt() {
        start(true);
        awaitValidBookMatchingTheSim();
        sim.faults().failNextRest("/fapi/v1/order", 1, 429);

        send(8, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 9_000, 100);

        final Seen reject = awaitSeen(s -> s.kind() == EventKind.EXECUTION_REPORT && s.clientOrderId() == 8, "a report");
        assertEquals(ExecType.REJECT, reject.execType());
        assertEquals(429, reject.rejectCode());
        assertEquals(0, sim.account().orderCount());
        assertTrue(gateway.rest().rateLimits().backoffRemainingMs() > 0, "backing off after the 429");
    }

    @Test
    void shouldHaltOrderEntryAtTheFirstRejectOfOurCredentialsAndRefuseLaterCommandsWithoutARequest() {
        try (LogCapture logs = new LogCapture()) {
            start(true, "5s", "not-the-secret");

            send(7, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 9_000, 100);

            final Seen halted = awaitSeen(s -> s.kind() == EventKind.GATEWAY_STATUS
                && s.status() == GatewayStatus.ORDER_ENTRY_HALTED, "ORDER_ENTRY_HALTED");
            assertEquals(-1022, halted.detail(), "the venue's code");
            assertEquals(-1, halted.instrumentId());
            final Seen reject = first(s -> s.kind() == EventKind.EXECUTION_REPORT && s.clientOrderId() == 7);
            assertEquals(ExecType.REJECT, reject.execType());
            assertEquals(-1022, reject.rejectCode());
            assertTrue(seen.indexOf(reject) < seen.indexOf(halted), "the order's reject, then the halt");
            assertEquals(1, sim.restCalls("POST", "/fapi/v1/order"));

            send(8, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 9_100, 100);

            final Seen refused = awaitSeen(s -> s.kind() == EventKind.EXECUTION_REPORT && s.clientOrderId() == 8,
                "the later command's report");
            assertEquals(ExecType.REJECT, refused.execType());
            assertEquals(BinanceOrderEntry.REJECT_ORDER_ENTRY_HALTED, refused.rejectCode());
            assertEquals(1, sim.restCalls("POST", "/fapi/v1/order"), "refused without a request");
            final List<String> errorLines = logs.at(Level.ERROR);
            assertEquals(1, errorLines.size(), errorLines.toString());
            assertTrue(errorLines.get(0).contains("binance: order entry HALTED") && errorLines.get(0).contains("-1022")
                && errorLines.get(0).contains("Signature for this request is not valid."), errorLines.get(0));
        }
    }

    @Test
    void shouldLogEachDistinctVenueRejectCodeOnceWithTheVenuesMessage() {
        try (LogCapture logs = new LogCapture()) {
            start(true);

            send(7, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 9_005, 100);
            send(8, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 9_005, 100);
            send(9, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 9_000, 100);
            send(10, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 9_005, 100);

            awaitSeen(s -> seen.stream().filter(e -> e.kind() == EventKind.EXECUTION_REPORT).count() >= 4, "four reports");
            assertEquals(3, seen.stream().filter(e -> e.execType() == ExecType.REJECT && e.rejectCode() == -4014).count());
            final List<String> lines = logs.at(Level.WARN).stream().filter(line -> line.contains("code -4014")).toList();
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("Price not increased by tick size."), lines.get(0));
        }
    }

    @Test
    void shouldResolveA503ByQueryingTheOrderNeverByResendingIt() {
        start(true);
        awaitValidBookMatchingTheSim();
        sim.faults().failNextRest("/fapi/v1/order", 1, 503);

        send(9, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 9_000, 100);

        final Seen report = awaitSeen(s -> s.kind() == EventKind.EXECUTION_REPORT && s.clientOrderId() == 9, "a report");
        assertEquals(ExecType.ACK, report.execType(), "the order the venue placed despite the 503 is found");
        assertEquals(1, sim.account().orderCount(), "placed once, not resent");
    }

    @Test
    void shouldKeepAnEarlierSessionsOpenOrderApartFromTheNextSessionsOrderOfTheSameId() {
        start(true);
        awaitValidBookMatchingTheSim();
        awaitUserStream();
        send(7, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 9_500, 100);
        awaitSeen(s -> s.kind() == EventKind.EXECUTION_REPORT && s.execType() == ExecType.ACK && s.clientOrderId() == 7,
            "the first session's ack");
        final ClientOrderIds first = gateway.clientOrderIds();
        pipeline.stop();
        pipeline = null;
        seen.clear();

        start(true);
        assertNotEquals(first.tag(), gateway.clientOrderIds().tag());
        awaitValidBookMatchingTheSim();
        awaitUserStream();
        send(7, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 9_600, 200);
        awaitSeen(s -> s.kind() == EventKind.EXECUTION_REPORT && s.execType() == ExecType.ACK && s.clientOrderId() == 7,
            "the second session's ack of its own order 7 (not a duplicate of the first session's, still open)");
        assertEquals(2, sim.account().orderCount(), "both orders 7 placed");

        // Trades through both bids; the older order, the first session's, takes all of it.
        sim.market().trade(SYMBOL, "94.90", "0.100", false);

        awaitSeen(s -> s.kind() == EventKind.POSITION && s.positionQty() == 100, "the account's position");
        final UserStreamDecoder user = gateway.userStreamDecoder();
        awaitSeen(s -> user.otherSessionOrders() >= 1, "the first session's fill counted apart");
        assertTrue(seen.stream().noneMatch(s -> s.kind() == EventKind.EXECUTION_REPORT && s.execType() != ExecType.ACK),
            "no report from the first session's order reached this session: " + seen);
        assertEquals(0, user.foreignOrders());
        assertEquals(1, user.otherSessionOrders());
    }

    // ------------------------------------------------------------------ harness

    private void awaitUserStream() {
        awaitSeen(s -> s.kind() == EventKind.GATEWAY_STATUS && s.status() == GatewayStatus.CONNECTED && s.detail() == 100,
            "the user data stream connected");
    }

    private static int indexOf(final List<Seen> statuses, final GatewayStatus status) {
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).status() == status) {
                return i;
            }
        }
        return -1;
    }

    private void start(final boolean live) {
        start(live, "5s");
    }

    private void start(final boolean live, final String idleTimeout) {
        start(live, idleTimeout, "it-secret");
    }

    private void start(final boolean live, final String idleTimeout, final String apiSecret) {
        final RingTraderConfig config = SimPipelines.config(sim,
            List.of("{symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}"),
            "    apiKey: it-key",
            "    apiSecret: " + apiSecret,
            "    streams: {klines: [], markPrice: false, openInterestInterval: 0s}",
            "    connection: {idleTimeout: " + idleTimeout + ", reconnectInitialBackoff: 50ms, reconnectMaxBackoff: 500ms}");
        final InstrumentRegistry instruments = Engine.registry(config.instruments());
        gateway = new BinanceGateway(config.venues().venueConfig("binance"), instruments, 32, new SystemEpochNanoClock(), errors, null, live);
        risk = new PreTradeRiskHandler(instruments);
        final Pipeline.Builder builder = SimPipelines.builder("it", new OrderBooks(instruments.count(), 64, 20_000), errors)
            .features((FeatureStage)(event, sequence, endOfBatch) -> seen.add(seen(event)))
            .risk(risk)
            .producer(gateway);
        if (live) {
            builder.venue(publisher -> {
                orderEntry = gateway.orderEntry(publisher);
                return orderEntry;
            });
        }
        pipeline = builder.build();
        pipeline.start();
    }

    private static Seen seen(final InboundEvent e) {
        final boolean view = e.bookBidLevels > 0 && e.bookAskLevels > 0;
        return new Seen(e.kind, e.instrumentId, e.gatewayStatus, e.statusDetail, e.bookState,
            view ? e.bookBidPrices[0] : 0, view ? e.bookBidQtys[0] : 0, view ? e.bookAskPrices[0] : 0,
            view ? e.bookAskQtys[0] : 0, e.execType, e.clientOrderId, e.lastFillQty, e.cumFillQty, e.rejectCode,
            e.positionQty);
    }

    private void send(final long clientOrderId, final OrderSide side, final OrderType type, final TimeInForce tif,
        final long price, final long qty) {
        final OrderCommand command = new OrderCommand();
        command.action = OrderAction.NEW;
        command.instrumentId = 0;
        command.venueId = Venue.BINANCE_USDM.id();
        command.clientOrderId = clientOrderId;
        command.side = side;
        command.type = type;
        command.timeInForce = tif;
        command.priceMantissa = price;
        command.qtyMantissa = qty;
        command.decision = RiskDecision.ACCEPTED;
        orderEntry.onCommand(command, clientOrderId, true);
    }

    /** Sends a diff now and then (the sync only asks for a snapshot once diffs flow) until the book matches. */
    private void awaitValidBookMatchingTheSim() {
        pumpUntil(s -> s.kind() != EventKind.GATEWAY_STATUS && s.bookState() == BookState.VALID && matchesSim(s),
            "a valid book equal to the sim's");
    }

    private boolean matchesSim(final Seen s) {
        final List<BigDecimal[]> bids = sim.market().bookSide(SYMBOL, L2Book.Side.BID);
        final List<BigDecimal[]> asks = sim.market().bookSide(SYMBOL, L2Book.Side.ASK);
        return !bids.isEmpty() && !asks.isEmpty()
            && s.bestBid() == bids.get(0)[0].movePointRight(2).longValueExact()
            && s.bestBidQty() == bids.get(0)[1].movePointRight(3).longValueExact()
            && s.bestAsk() == asks.get(0)[0].movePointRight(2).longValueExact()
            && s.bestAskQty() == asks.get(0)[1].movePointRight(3).longValueExact();
    }

    private void pumpUntil(final Predicate<Seen> condition, final String what) {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (int i = seen.size() - 1; i >= Math.max(0, seen.size() - 50); i--) {
                if (condition.test(seen.get(i))) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + WAIT + "; last events: "
                    + seen.subList(Math.max(0, seen.size() - 8), seen.size()) + "; errors: " + errors.totalCount());
            }
            bidQty = bidQty == 1_000 ? 1_100 : 1_000;
            sim.market().depthDiff(SYMBOL, new String[][] {BinanceMarket.level("100.00",
                new BigDecimal(bidQty).movePointLeft(3).toPlainString())}, new String[0][]);
            sleep(50);
        }
    }

    private Seen awaitSeen(final Predicate<Seen> condition, final String what) {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (final Seen s : seen) {
                if (condition.test(s)) {
                    return s;
                }
            }
            sleep(20);
        }
        throw new AssertionError("no " + what + " within " + WAIT + "; last events: "
            + seen.subList(Math.max(0, seen.size() - 8), seen.size()));
    }

    private Seen first(final Predicate<Seen> condition) {
        return seen.stream().filter(condition).findFirst().orElseThrow(() -> new AssertionError("not seen"));
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
