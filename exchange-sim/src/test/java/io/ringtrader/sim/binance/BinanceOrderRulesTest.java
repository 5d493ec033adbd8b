package io.ringtrader.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringtrader.sim.SimSymbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;

import static io.ringtrader.sim.binance.BinanceMarket.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * BTCUSDT's real filters and the margin of a new order, around a book at 50,000 with the mark at 50,000.00: a 1,000 USDT
 * wallet at 20x leverage buys up to 20,000 USDT of notional (0.4 BTC). Also the answers' payload details.
 */
@Timeout(30)
class BinanceOrderRulesTest {
    private BinanceSim sim;
    private SimClient client;

    @BeforeEach
    void start() {
        sim = new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt()).startingBalance("1000")
            .leverage(20).apiKey(SimClient.KEY, SimClient.SECRET).build()).start();
        client = new SimClient(sim);
        sim.market().depthDiff("BTCUSDT", new String[][] {level("49999.9", "1"), level("49999.8", "2")},
            new String[][] {level("50000.0", "1"), level("50000.1", "2")});
        sim.market().markPrice("BTCUSDT", "50000.00", "50000.00", "0.0001", 1_700_000_000_000L);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> order(final String params) {
        return client.signed("POST", "/fapi/v1/order", "symbol=BTCUSDT&newOrderRespType=RESULT&" + params);
    }

    private int refusal(final String params) {
        final HttpResponse<String> r = order(params);
        assertEquals(400, r.statusCode(), r.body());
        return SimClient.json(r).get("code").asInt();
    }

    @Test
    void shouldRefuseANotionalBelowTheMinimum() {
        final HttpResponse<String> r = order("side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=50000.0");
        assertEquals(400, r.statusCode());
        assertEquals(-4164, SimClient.json(r).get("code").asInt());
        assertEquals("Order's notional must be no smaller than 100 (unless you choose reduce only)",
            SimClient.json(r).get("msg").asText());
        assertEquals(0, sim.account().orderCount());
    }

    @Test
    void shouldValueAMarketOrdersNotionalAtTheMarkPrice() {
        assertEquals(-4164, refusal("side=BUY&type=MARKET&quantity=0.001"));
    }

    @Test
    void shouldExemptAReduceOnlyOrderFromTheMinimumNotional() {
        assertEquals(200, order("side=BUY&type=MARKET&quantity=0.003").statusCode());
        assertEquals(200, order("side=SELL&type=MARKET&quantity=0.001&reduceOnly=true").statusCode());
    }

    @Test
    void shouldRefuseALimitQuantityAboveMaxQty() {
        assertEquals(-4005, refusal("side=BUY&type=LIMIT&timeInForce=GTC&quantity=1000.001&price=40000.0"));
    }

    @Test
    void shouldRefuseAMarketQuantityAboveTheMarketMaxQty() {
        assertEquals(-4005, refusal("side=SELL&type=MARKET&quantity=120.001"));
    }

    @Test
    void shouldRefuseAPriceBelowTheMinPrice() {
        assertEquals(-4013, refusal("side=BUY&type=LIMIT&timeInForce=GTC&quantity=1.000&price=556.70"));
    }

    @Test
    void shouldRefuseAPriceAboveTheMaxPrice() {
        assertEquals(-4002, refusal("side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.010&price=4529764.10"));
    }

    @Test
    void shouldRefuseABuyAboveTheMarkPriceCap() {
        assertEquals(-4016, refusal("side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.002&price=52500.1"));
        assertEquals(200, order("side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.002&price=52500.0").statusCode());
    }

    @Test
    void shouldRefuseASellBelowTheMarkPriceFloor() {
        assertEquals(-4024, refusal("side=SELL&type=LIMIT&timeInForce=IOC&quantity=0.003&price=47499.9"));
    }

    @Test
    void shouldRefuseAMarketOrderWhoseBestPriceIsOutsideTheBand() {
        sim.market().markPrice("BTCUSDT", "47000.00", "47000.00", "0.0001", 1_700_000_000_000L);
        assertEquals(-4131, refusal("side=BUY&type=MARKET&quantity=0.003"));
    }

    @Test
    void shouldRefuseAnOrderNeedingMoreMarginThanTheWalletHolds() {
        // 0.5 BTC at 50,000 / 20 = 1,250 USDT of initial margin > 1,000
        final HttpResponse<String> r = order("side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.500&price=49000.0");
        assertEquals(400, r.statusCode());
        assertEquals("{\"code\":-2019,\"msg\":\"Margin is insufficient.\"}", r.body());
    }

    @Test
    void shouldCountTheMarginOpenOrdersHold() {
        // 0.2 BTC at 49,000 / 20 = 490 USDT each: the second leaves 20, the third needs 490
        assertEquals(200, order("side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.200&price=49000.0").statusCode());
        assertEquals(200, order("side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.200&price=49000.0").statusCode());
        assertEquals(-2019, refusal("side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.200&price=49000.0"));
    }

    @Test
    void shouldAddTheOpenLossOfABuyAboveTheMark() {
        // 0.38 BTC: initial margin 0.38 × 52,000 / 20 = 988, open loss 0.38 × 2,000 = 760: 1,748 > 1,000
        assertEquals(-2019, refusal("side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.380&price=52000.0"));
    }

    @Test
    void shouldNeedNoMarginForAnOrderThatReducesThePosition() {
        assertEquals(200, order("side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.300&price=50000.1").statusCode());
        // long 0.3 (750 of margin): a 0.3 sell only closes it
        assertEquals(200, order("side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.300&price=51000.0").statusCode());
    }

    @Test
    void shouldPublishTheAvailableBalanceNetOfMargin() {
        order("side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.200&price=49000.0");
        final JsonNode balance = SimClient.json(client.signed("GET", "/fapi/v2/balance", "")).get(0);
        assertEquals("510.00000000", balance.get("availableBalance").asText());
        final JsonNode risk = SimClient.json(client.signed("GET", "/fapi/v3/positionRisk", "")).get(0);
        assertEquals("490.00000000", risk.get("openOrderInitialMargin").asText());
    }

    @Test
    void shouldWriteAnUnfilledOrdersQuantitiesAndPriceAsTheVenueDoes() {
        final JsonNode o = SimClient.json(order("side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010&price=49000.0"));
        assertEquals("0", o.get("executedQty").asText());
        assertEquals("0", o.get("cumQty").asText());
        assertEquals("0", o.get("cumQuote").asText());
        assertEquals("0.00000", o.get("avgPrice").asText());
        assertEquals("0.010", o.get("origQty").asText());
        assertFalse(o.has("time"), "no time in a new-order answer: " + o);
        final JsonNode queried = SimClient.json(client.signed("GET", "/fapi/v1/order", "symbol=BTCUSDT&orderId="
            + o.get("orderId").asText()));
        assertEquals(o.get("updateTime").asLong(), queried.get("time").asLong(), "the query answer has it");
    }

    @Test
    void shouldAnswerAckAndResultWithTheSameAveragePriceFormat() {
        final JsonNode ack = SimClient.json(client.signed("POST", "/fapi/v1/order",
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010&price=49000.0"));
        assertEquals("0.00000", ack.get("avgPrice").asText());
        assertEquals("0", ack.get("executedQty").asText());
        final JsonNode filled = SimClient.json(order("side=BUY&type=MARKET&quantity=0.003"));
        assertEquals("50000.00000", filled.get("avgPrice").asText());
        assertEquals("0.003", filled.get("executedQty").asText());
        assertEquals("0", filled.get("price").asText(), "a MARKET order has no price");
    }

    @Test
    void shouldCountTheNewOrderInTheNewEventsOpenNotional() throws Exception {
        try (SimClient.Ws ws = client.userStream()) {
            order("side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.010&price=51000.0");
            final JsonNode fresh = ws.nextJson().get("o");
            assertEquals("NEW", fresh.get("x").asText());
            assertEquals("510", fresh.get("a").asText(), "ask notional: 0.010 × 51,000");
            assertEquals("0", fresh.get("b").asText());
            assertEquals("0", fresh.get("z").asText());
            assertEquals("0", fresh.get("l").asText());
            assertEquals("0", fresh.get("L").asText());
            assertEquals("0", fresh.get("ap").asText());
            assertEquals("0", fresh.get("n").asText());
        }
    }
}
