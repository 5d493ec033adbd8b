package io.ringtrader.gateway.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.OnStopAction;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.execution.VenueExposure;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import io.ringtrader.gateway.binance.rest.BinanceRestClient;
import io.ringtrader.sim.SimSymbol;
import io.ringtrader.sim.binance.BinanceMarket;
import io.ringtrader.sim.binance.BinanceSim;
import io.ringtrader.sim.binance.BinanceSimConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code execution.onStop} against exchange-sim: what a stopped live session does over REST about the orders and
 * positions it left on the venue, and what it reports is still open there.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BinanceStopActionsIntegrationTest {
    private static final String SYMBOL = "BTCUSDT";

    private BinanceSim sim;
    private BinanceGateway gateway;
    private Instrument btc;

    @BeforeEach
    void startSimAndLeaveAnOrderAndAPosition() throws Exception {
        sim = new BinanceSim(BinanceSimConfig.builder().symbol(new SimSymbol(SYMBOL, "0.10", "0.001", 2, 3)).apiKey("it-key", "it-secret").build())
            .start();
        sim.market().depthDiff(SYMBOL,
            new String[][] {BinanceMarket.level("100.00", "1.000"), BinanceMarket.level("99.90", "2.000")},
            new String[][] {BinanceMarket.level("100.10", "1.500"), BinanceMarket.level("100.20", "3.000")});
        final RingTraderConfig config = SimPipelines.config(sim,
            List.of("{symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}"),
            "    apiKey: it-key",
            "    apiSecret: it-secret");
        final InstrumentRegistry instruments = Engine.registry(config.instruments());
        btc = instruments.byId(0);
        gateway = new BinanceGateway(config.venues().venueConfig("binance"), instruments, 32, new SystemEpochNanoClock(),
            new DistinctErrorHandler(), null, true);
        try (BinanceRestClient session = new BinanceRestClient(gateway.rest().config(), (retryAfterMs, message) -> { })) {
            session.syncTime().get(10, TimeUnit.SECONDS);
            session.newOrder(btc, gateway.clientOrderIds().format(1L << 40 | 1), OrderSide.BUY, OrderType.LIMIT,
                TimeInForce.GTC, 9_500, 100, false).get(10, TimeUnit.SECONDS);
            session.newOrder(btc, gateway.clientOrderIds().format(1L << 40 | 2), OrderSide.BUY, OrderType.MARKET, null, 0,
                500, false).get(10, TimeUnit.SECONDS);
        }
        assertEquals(1, openOrdersOnTheVenue());
        assertEquals(0, new BigDecimal("0.500").compareTo(sim.account().positionAmt(SYMBOL)));
        gateway.stop();
    }

    @AfterEach
    void stopSim() {
        sim.close();
    }

    /** How many open orders the venue lists for the account, asked over REST. */
    private int openOrdersOnTheVenue() throws Exception {
        try (BinanceRestClient client = new BinanceRestClient(gateway.rest().config(), (retryAfterMs, message) -> { })) {
            return client.openOrders(null).get(10, TimeUnit.SECONDS).elements().size();
        }
    }

    @Test
    void shouldCancelTheOpenOrdersAndListThePositionThatIsStillOpen() throws Exception {
        final VenueExposure exposure = gateway.atStop(OnStopAction.CANCEL_ORDERS);

        assertEquals(0, openOrdersOnTheVenue(), "cancelled on the venue");
        assertTrue(exposure.complete(), exposure.problems().toString());
        assertEquals(List.of("cancelled every open order of BTCUSDT"), exposure.done());
        assertEquals(List.of(), exposure.openOrders());
        assertEquals(List.of(new VenueExposure.Position(SYMBOL, "0.500", "100.1", "0.00000000")), exposure.positions());
        assertEquals(List.of(
            "binance at stop (execution.onStop: cancel-orders): cancelled every open order of BTCUSDT",
            "binance still open: no open orders, 1 position",
            "  position BTCUSDT 0.500 @ 100.1, unrealized PnL 0.00000000"), exposure.summaryLines());
    }

    @Test
    void shouldFlattenThePositionWithAReduceOnlyMarketOrderAfterCancelling() throws Exception {
        final VenueExposure exposure = gateway.atStop(OnStopAction.FLATTEN);

        assertEquals(0, BigDecimal.ZERO.compareTo(sim.account().positionAmt(SYMBOL)), "flat on the venue");
        assertEquals(0, openOrdersOnTheVenue());
        assertTrue(exposure.complete(), exposure.problems().toString());
        assertEquals(2, exposure.done().size(), exposure.done().toString());
        assertTrue(exposure.done().get(1).startsWith("closed BTCUSDT 0.500 with a reduce-only market sell (rt-"
            + gateway.clientOrderIds().tag() + "-1, "), exposure.done().get(1));
        assertEquals(List.of(), exposure.openOrders());
        assertEquals(List.of(), exposure.positions());
    }

    @Test
    void shouldLeaveEverythingAndSayWhatIsStillOpen() throws Exception {
        final VenueExposure exposure = gateway.atStop(OnStopAction.LEAVE);

        assertEquals(1, openOrdersOnTheVenue(), "left on the venue");
        assertTrue(exposure.complete(), exposure.problems().toString());
        assertEquals(List.of(), exposure.done());
        assertEquals(1, exposure.openOrders().size());
        final VenueExposure.OpenOrder order = exposure.openOrders().get(0);
        assertEquals(gateway.clientOrderIds().format(1L << 40 | 1), order.clientOrderId());
        assertEquals("  order BTCUSDT BUY LIMIT 0.100 @ 95.00, filled 0 (" + order.clientOrderId() + ")",
            exposure.summaryLines().get(2));
        assertEquals("binance still open: 1 open order, 1 position", exposure.summaryLines().get(1));
    }

    @Test
    void shouldReportWhatItCouldNotDoWhenTheVenueDoesNotAnswer() {
        sim.close();

        final VenueExposure exposure = gateway.atStop(OnStopAction.CANCEL_ORDERS);

        assertFalse(exposure.complete());
        assertTrue(exposure.problems().get(0).startsWith("cancel the open orders of BTCUSDT"), exposure.problems().toString());
        assertTrue(exposure.summaryLines().contains("binance still open: no open orders, no positions (as far as known: "
            + "check the venue)"), exposure.summaryLines().toString());
    }
}
