package io.ringtrader.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringtrader.sim.SimSymbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class BinanceRestTest {
    private BinanceSim sim;
    private SimClient client;

    @BeforeEach
    void start() {
        sim = new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt())
            .apiKey(SimClient.KEY, SimClient.SECRET).build()).start();
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void shouldReproduceTheDocumentedHmacExample() {
        final String query = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC"
            + "&recvWindow=5000&timestamp=1591702613943";
        assertEquals("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9",
            RequestSignature.sign(SimClient.SECRET, query));
        assertTrue(RequestSignature.verify(SimClient.SECRET, query,
            "3C661234138461FCC7A7D8746C6558C9842D4E10870D2ECBEDF7777CAD694AF9"));
    }

    @Test
    void shouldAcceptTheDocumentedExampleAtItsTimestamp() {
        sim.clock().fixAt(1591702613943L + 100);
        final String query = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC"
            + "&recvWindow=5000&timestamp=1591702613943";
        final HttpResponse<String> r = client.send("POST", "/fapi/v1/order?" + query
            + "&signature=3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9", null, SimClient.KEY);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("NEW", SimClient.json(r).get("status").asText());
    }

    @Test
    void shouldAcceptSignatureOverQueryPlusBody() {
        final String query = "symbol=BTCUSDT&side=BUY&type=LIMIT";
        final String body = "quantity=0.010&price=50000.0&timeInForce=GTC&timestamp=" + sim.clock().epochMillis();
        final String sig = RequestSignature.sign(SimClient.SECRET, query + body);
        final HttpResponse<String> r = client.send("POST", "/fapi/v1/order?" + query, body + "&signature=" + sig,
            SimClient.KEY);
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void shouldRejectBadSignatureWith1022() {
        final String query = "symbol=BTCUSDT&timestamp=" + sim.clock().epochMillis();
        final HttpResponse<String> r = client.send("GET", "/fapi/v1/openOrders?" + query + "&signature="
            + RequestSignature.sign("wrong-secret", query), null, SimClient.KEY);
        assertEquals(400, r.statusCode());
        assertEquals(-1022, SimClient.json(r).get("code").asInt());
    }

    @Test
    void shouldRejectUnknownApiKeyWith2015() {
        final String query = "timestamp=" + sim.clock().epochMillis();
        final HttpResponse<String> r = client.send("GET", "/fapi/v2/balance?" + query + "&signature="
            + RequestSignature.sign(SimClient.SECRET, query), null, "not-a-key");
        assertEquals(401, r.statusCode());
        assertEquals(-2015, SimClient.json(r).get("code").asInt());
    }

    @Test
    void shouldRejectTimestampOutsideRecvWindowWith1021() {
        sim.clock().offsetMs(6_000); // server 6 s ahead: a fresh client timestamp is too old for 5000 ms
        final String query = "recvWindow=5000&timestamp=" + (System.currentTimeMillis());
        final HttpResponse<String> r = client.send("GET", "/fapi/v2/balance?" + query + "&signature="
            + RequestSignature.sign(SimClient.SECRET, query), null, SimClient.KEY);
        assertEquals(400, r.statusCode());
        assertEquals(-1021, SimClient.json(r).get("code").asInt());

        final String wide = "recvWindow=10000&timestamp=" + (System.currentTimeMillis());
        assertEquals(200, client.send("GET", "/fapi/v2/balance?" + wide + "&signature="
            + RequestSignature.sign(SimClient.SECRET, wide), null, SimClient.KEY).statusCode());
    }

    @Test
    void shouldServeTimeFromTheInjectedClock() {
        sim.clock().fixAt(1_700_000_000_000L);
        assertEquals(1_700_000_000_000L, SimClient.json(client.get("/fapi/v1/time")).get("serverTime").asLong());
        assertEquals("{}", client.get("/fapi/v1/ping").body());
    }

    @Test
    void shouldListSymbolFiltersInExchangeInfo() {
        final JsonNode s = SimClient.json(client.get("/fapi/v1/exchangeInfo")).get("symbols").get(0);
        assertEquals("BTCUSDT", s.get("symbol").asText());
        assertEquals("TRADING", s.get("status").asText());
        assertEquals(2, s.get("pricePrecision").asInt());
        assertEquals(3, s.get("quantityPrecision").asInt());
        final JsonNode price = filter(s, "PRICE_FILTER");
        assertEquals("0.10", price.get("tickSize").asText());
        assertEquals("556.80", price.get("minPrice").asText());
        assertEquals("4529764", price.get("maxPrice").asText());
        final JsonNode lot = filter(s, "LOT_SIZE");
        assertEquals("0.001", lot.get("stepSize").asText());
        assertEquals("0.001", lot.get("minQty").asText());
        assertEquals("1000", lot.get("maxQty").asText());
        assertEquals("120", filter(s, "MARKET_LOT_SIZE").get("maxQty").asText());
        assertEquals("100", filter(s, "MIN_NOTIONAL").get("notional").asText());
        final JsonNode band = filter(s, "PERCENT_PRICE");
        assertEquals("1.0500", band.get("multiplierUp").asText());
        assertEquals("0.9500", band.get("multiplierDown").asText());
        assertEquals("4", band.get("multiplierDecimal").asText());
        assertEquals(200, filter(s, "MAX_NUM_ORDERS").get("limit").asInt());
    }

    private static JsonNode filter(final JsonNode symbol, final String type) {
        for (final JsonNode f : symbol.get("filters")) {
            if (type.equals(f.get("filterType").asText())) {
                return f;
            }
        }
        throw new AssertionError("no " + type + " in " + symbol);
    }

    @Test
    void shouldAccumulateUsedWeightWithDocumentedDepthWeights() {
        sim.clock().fixAt(1_700_000_000_000L);
        assertEquals("1", client.get("/fapi/v1/ping").headers().firstValue(BinanceRestApi.USED_WEIGHT).orElseThrow());
        assertEquals("21", client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=1000").headers()
            .firstValue(BinanceRestApi.USED_WEIGHT).orElseThrow());
        assertEquals("23", client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=5").headers()
            .firstValue(BinanceRestApi.USED_WEIGHT).orElseThrow());
        sim.clock().advanceMs(60_000);
        assertEquals("1", client.get("/fapi/v1/time").headers().firstValue(BinanceRestApi.USED_WEIGHT).orElseThrow());
    }

    @Test
    void shouldRejectUnknownSymbolAndOddDepthLimit() {
        final HttpResponse<String> bad = client.get("/fapi/v1/depth?symbol=NOPEUSDT&limit=5");
        assertEquals(400, bad.statusCode());
        assertEquals("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", bad.body());
        assertEquals(-1130, SimClient.json(client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=7")).get("code").asInt());
    }

    @Test
    void shouldRejectOffGridPriceAndQuantity() {
        final HttpResponse<String> tick = client.signed("POST", "/fapi/v1/order",
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=50000.055");
        assertEquals(-1111, SimClient.json(tick).get("code").asInt(), tick.body());
        final HttpResponse<String> notTick = client.signed("POST", "/fapi/v1/order",
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.020&price=5000.00");
        assertEquals(200, notTick.statusCode(), notTick.body());
        final SimSymbol odd = new SimSymbol("ODDUSDT", "0.25", "0.5", 2, 1);
        try (BinanceSim other = new BinanceSim(BinanceSimConfig.builder().symbol(odd)
            .apiKey(SimClient.KEY, SimClient.SECRET).build()).start()) {
            final SimClient c = new SimClient(other);
            assertEquals(-4014, SimClient.json(c.signed("POST", "/fapi/v1/order",
                "symbol=ODDUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=1.10")).get("code").asInt());
            assertEquals(-4023, SimClient.json(c.signed("POST", "/fapi/v1/order",
                "symbol=ODDUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.7&price=1.25")).get("code").asInt());
            assertEquals(-4003, SimClient.json(c.signed("POST", "/fapi/v1/order",
                "symbol=ODDUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0&price=1.25")).get("code").asInt());
        }
    }

    @Test
    void shouldCountOrdersInHeaders() {
        final HttpResponse<String> r = client.signed("POST", "/fapi/v1/order",
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.002&price=60000.0");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("1", r.headers().firstValue(BinanceRestApi.ORDER_COUNT_10S).orElseThrow());
        assertEquals("1", r.headers().firstValue(BinanceRestApi.ORDER_COUNT_1M).orElseThrow());
        assertFalse(client.get("/fapi/v1/ping").headers().firstValue(BinanceRestApi.ORDER_COUNT_10S).isPresent());
    }

    @Test
    void shouldManageListenKeys() {
        final JsonNode created = SimClient.json(client.send("POST", "/fapi/v1/listenKey", null, SimClient.KEY));
        final String key = created.get("listenKey").asText();
        assertEquals(key, SimClient.json(client.send("POST", "/fapi/v1/listenKey", null, SimClient.KEY))
            .get("listenKey").asText());
        assertEquals(200, client.send("PUT", "/fapi/v1/listenKey", null, SimClient.KEY).statusCode());
        assertEquals(401, client.send("POST", "/fapi/v1/listenKey", null, null).statusCode());
        assertEquals(200, client.send("DELETE", "/fapi/v1/listenKey", null, SimClient.KEY).statusCode());
        assertEquals(-1125, SimClient.json(client.send("PUT", "/fapi/v1/listenKey", null, SimClient.KEY))
            .get("code").asInt());
    }
}
