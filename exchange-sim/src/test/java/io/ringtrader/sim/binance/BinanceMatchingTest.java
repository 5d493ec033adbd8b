package io.ringtrader.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.net.http.HttpResponse;

import static io.ringtrader.sim.binance.BinanceMarket.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class BinanceMatchingTest {
    private BinanceSim sim;
    private SimClient client;

    @BeforeEach
    void start() {
        sim = new BinanceSim(BinanceSimConfig.builder().symbol(SimClient.BTC_AT_100).commission("0.0002", "0.0005")
            .startingBalance("10000").aggregateDepth(false).apiKey(SimClient.KEY, SimClient.SECRET).build()).start();
        client = new SimClient(sim);
        sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", "1"), level("99.9", "2")},
            new String[][] {level("100.1", "1"), level("100.2", "2"), level("100.3", "5")});
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode order(final String params) {
        return SimClient.json(client.signed("POST", "/fapi/v1/order", "symbol=BTCUSDT&newOrderRespType=RESULT&"
            + params));
    }

    @Test
    void shouldWalkTheBookWithAMarketOrder() throws Exception {
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth@100ms")) {
            final JsonNode o = order("side=BUY&type=MARKET&quantity=2.500");
            assertEquals("FILLED", o.get("status").asText());
            assertEquals("2.500", o.get("executedQty").asText());
            // 1 @ 100.1 + 1.5 @ 100.2 = 250.40 / 2.5
            assertEquals(0, new BigDecimal("100.16").compareTo(new BigDecimal(o.get("avgPrice").asText())));
            final JsonNode d = ws.nextJson().get("data");
            assertEquals("100.10", d.get("a").get(0).get(0).asText());
            assertEquals("0.000", d.get("a").get(0).get(1).asText());
            assertEquals("0.500", d.get("a").get(1).get(1).asText());
            assertEquals(0, new BigDecimal("2.5").compareTo(sim.account().positionAmt("BTCUSDT")));
        }
    }

    @Test
    void shouldRestALimitOrderAndFillItWhenTheBookCrosses() {
        final JsonNode o = order("side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.500&price=100.0");
        assertEquals("NEW", o.get("status").asText());
        final String id = o.get("orderId").asText();
        assertEquals(1, SimClient.json(client.signed("GET", "/fapi/v1/openOrders", "symbol=BTCUSDT")).size());
        sim.market().depthDiff("BTCUSDT", new String[0][], new String[][] {level("100.0", "0.3")});
        JsonNode q = SimClient.json(client.signed("GET", "/fapi/v1/order", "symbol=BTCUSDT&orderId=" + id));
        assertEquals("PARTIALLY_FILLED", q.get("status").asText());
        assertEquals("0.300", q.get("executedQty").asText());
        sim.market().trade("BTCUSDT", "99.9", "1", true);
        q = SimClient.json(client.signed("GET", "/fapi/v1/order", "symbol=BTCUSDT&orderId=" + id));
        assertEquals("FILLED", q.get("status").asText());
        assertEquals(0, SimClient.json(client.signed("GET", "/fapi/v1/openOrders", "symbol=BTCUSDT")).size());
    }

    @Test
    void shouldExpireTheRestOfAnIocOrder() {
        final JsonNode o = order("side=SELL&type=LIMIT&timeInForce=IOC&quantity=2.000&price=100.0");
        assertEquals("EXPIRED", o.get("status").asText());
        assertEquals("1.000", o.get("executedQty").asText());
    }

    @Test
    void shouldRejectAFokOrderThatCannotFillCompletelyWithoutRecordingIt() {
        assertRefusedAndNotRecorded(-5021, "side=BUY&type=LIMIT&timeInForce=FOK&quantity=3.500&price=100.2");
    }

    /** HTTP 400 with {@code code}, and the venue knows no such order afterwards. */
    private void assertRefusedAndNotRecorded(final int code, final String params) {
        final HttpResponse<String> r = client.signed("POST", "/fapi/v1/order", "symbol=BTCUSDT&newOrderRespType=RESULT&"
            + params + "&newClientOrderId=refused-1");
        assertEquals(400, r.statusCode());
        assertEquals(code, SimClient.json(r).get("code").asInt());
        assertEquals(0, sim.account().orderCount());
        assertEquals(-2013, SimClient.json(client.signed("GET", "/fapi/v1/order",
            "symbol=BTCUSDT&origClientOrderId=refused-1")).get("code").asInt(), "not recorded");
    }

    @Test
    void shouldFillAFokOrderThatCanFillCompletely() {
        assertEquals("FILLED", order("side=BUY&type=LIMIT&timeInForce=FOK&quantity=3.000&price=100.2")
            .get("status").asText());
    }

    @Test
    void shouldRejectAGtxOrderThatWouldCrossWithoutRecordingIt() {
        assertRefusedAndNotRecorded(-5022, "side=BUY&type=LIMIT&timeInForce=GTX&quantity=1.000&price=100.1");
    }

    @Test
    void shouldRestAGtxOrderThatWouldNotCross() {
        assertEquals("NEW", order("side=BUY&type=LIMIT&timeInForce=GTX&quantity=1.000&price=100.0")
            .get("status").asText());
    }

    @Test
    void shouldSendNoUserStreamEventForARejectedGtxOrder() throws Exception {
        try (SimClient.Ws ws = client.userStream()) {
            order("side=SELL&type=LIMIT&timeInForce=GTX&quantity=1.000&price=100.0");
            order("side=SELL&type=LIMIT&timeInForce=GTC&quantity=1.000&price=101.0&newClientOrderId=after");
            assertEquals("after", ws.nextJson().get("o").get("c").asText(), "the GTX refusal sent nothing");
        }
    }

    @Test
    void shouldCancelByClientOrderId() {
        order("side=SELL&type=LIMIT&timeInForce=GTC&quantity=1.000&price=101.0&newClientOrderId=abc-1");
        final JsonNode c = SimClient.json(client.signed("DELETE", "/fapi/v1/order",
            "symbol=BTCUSDT&origClientOrderId=abc-1"));
        assertEquals("CANCELED", c.get("status").asText());
        assertEquals(-2011, SimClient.json(client.signed("DELETE", "/fapi/v1/order",
            "symbol=BTCUSDT&origClientOrderId=abc-1")).get("code").asInt());
        assertEquals(-2013, SimClient.json(client.signed("GET", "/fapi/v1/order", "symbol=BTCUSDT&orderId=1"))
            .get("code").asInt());
    }

    @Test
    void shouldAcceptAndEchoClientIdsUpTo36CharactersAndRefuseLongerOrDuplicateOpenOnes() {
        // RingTrader's longest: "rt-" + a 12-character session tag + "-" + Long.MAX_VALUE.
        final String longest = "rt-zzzzzzzzzzzz-9223372036854775807";
        assertEquals(longest, order("side=SELL&type=LIMIT&timeInForce=GTC&quantity=1.000&price=101.0&newClientOrderId="
            + longest).get("clientOrderId").asText());
        assertEquals(longest, SimClient.json(client.signed("GET", "/fapi/v1/order",
            "symbol=BTCUSDT&origClientOrderId=" + longest)).get("clientOrderId").asText());
        assertEquals("NEW", order("side=SELL&type=LIMIT&timeInForce=GTC&quantity=1.000&price=101.0&newClientOrderId="
            + longest + "0").get("status").asText(), "36 characters");
        assertEquals(-4015, order("side=SELL&type=LIMIT&timeInForce=GTC&quantity=1.000&price=101.0&newClientOrderId="
            + longest + "00").get("code").asInt(), "37 characters");
        assertEquals(-4116, order("side=SELL&type=LIMIT&timeInForce=GTC&quantity=1.000&price=101.0&newClientOrderId="
            + longest).get("code").asInt(), "a duplicate of an open order");
        assertEquals("NEW", order("side=SELL&type=LIMIT&timeInForce=GTC&quantity=1.000&price=101.0&newClientOrderId="
            + "rt-zzzzzzzzzzzy-9223372036854775807").get("status").asText(), "another session's tag, the same number");
    }

    @Test
    void shouldCancelAllOpenOrdersOfASymbol() {
        order("side=SELL&type=LIMIT&timeInForce=GTC&quantity=1.000&price=101.0");
        order("side=BUY&type=LIMIT&timeInForce=GTC&quantity=1.000&price=99.0");
        assertEquals(200, SimClient.json(client.signed("DELETE", "/fapi/v1/allOpenOrders", "symbol=BTCUSDT"))
            .get("code").asInt());
        assertEquals(0, SimClient.json(client.signed("GET", "/fapi/v1/openOrders", "symbol=BTCUSDT")).size());
    }

    @Test
    void shouldAnswerAckWithTheAcceptedState() {
        final JsonNode ack = SimClient.json(client.signed("POST", "/fapi/v1/order",
            "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1.000"));
        assertEquals("NEW", ack.get("status").asText());
        assertEquals("FILLED", SimClient.json(client.signed("GET", "/fapi/v1/order", "symbol=BTCUSDT&orderId="
            + ack.get("orderId").asText())).get("status").asText());
    }

    @Test
    void shouldTrackPositionsRealizedPnlAndCommission() {
        order("side=BUY&type=MARKET&quantity=1.000"); // 1 @ 100.1, taker fee 0.05005
        sim.market().depthDiff("BTCUSDT", new String[][] {level("101.0", "2")}, new String[0][]);
        order("side=SELL&type=MARKET&quantity=1.000&reduceOnly=true"); // 1 @ 101.0: +0.9, fee 0.0505
        assertEquals(0, sim.account().positionAmt("BTCUSDT").signum());
        assertEquals(0, new BigDecimal("0.9").compareTo(sim.account().realizedPnl("BTCUSDT")));
        assertEquals(0, new BigDecimal("10000.79945").compareTo(sim.account().walletBalance()));
        assertEquals(-2022, order("side=SELL&type=MARKET&quantity=1.000&reduceOnly=true").get("code").asInt());
        final JsonNode risk = SimClient.json(client.signed("GET", "/fapi/v2/positionRisk", "symbol=BTCUSDT"));
        assertEquals("0.000", risk.get(0).get("positionAmt").asText());
        assertEquals(0, SimClient.json(client.signed("GET", "/fapi/v3/positionRisk", "")).size());
    }

    @Test
    void shouldPushOrderAndAccountUpdatesOnTheUserStream() throws Exception {
        final String key = SimClient.json(client.send("POST", "/fapi/v1/listenKey", null, SimClient.KEY))
            .get("listenKey").asText();
        try (SimClient.Ws ws = client.ws("/private/ws?listenKey=" + key)) {
            order("side=BUY&type=LIMIT&timeInForce=GTC&quantity=1.500&price=100.1&newClientOrderId=u1");
            final JsonNode fresh = ws.nextJson();
            assertEquals("ORDER_TRADE_UPDATE", fresh.get("e").asText());
            assertEquals("NEW", fresh.get("o").get("x").asText());
            assertEquals("u1", fresh.get("o").get("c").asText());
            final JsonNode trade = ws.nextJson().get("o");
            assertEquals("TRADE", trade.get("x").asText());
            assertEquals("PARTIALLY_FILLED", trade.get("X").asText());
            assertEquals("1.000", trade.get("l").asText());
            assertEquals("100.10", trade.get("L").asText());
            assertEquals("USDT", trade.get("N").asText());
            assertTrue(new BigDecimal(trade.get("n").asText()).signum() > 0);
            assertEquals(false, trade.get("m").asBoolean());
            final JsonNode account = ws.nextJson();
            assertEquals("ACCOUNT_UPDATE", account.get("e").asText());
            final JsonNode pos = account.get("a").get("P").get(0);
            assertEquals("BTCUSDT", pos.get("s").asText());
            assertEquals("1.000", pos.get("pa").asText());
            assertEquals("USDT", account.get("a").get("B").get(0).get("a").asText());
            // the resting 0.5 fills as maker when a trade prints through it
            sim.market().trade("BTCUSDT", "100.0", "2", true);
            final JsonNode makerFill = ws.nextJson().get("o");
            assertEquals("FILLED", makerFill.get("X").asText());
            assertTrue(makerFill.get("m").asBoolean());
            ws.nextWhere("e", "ACCOUNT_UPDATE");
            SimClient.json(client.signed("POST", "/fapi/v1/order",
                "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1.000&price=105.0"));
            ws.nextJson();
            sim.faults().expireListenKey(key);
            final JsonNode expired = ws.nextWhere("e", "listenKeyExpired");
            assertEquals(key, expired.get("listenKey").asText());
        }
    }
}
