package io.ringtrader.sim.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringtrader.sim.SimClock;
import io.ringtrader.sim.SimFilters;
import io.ringtrader.sim.SimSymbol;

import java.math.BigDecimal;
import java.math.RoundingMode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The REST endpoints of the simulated venue, independent of the transport: one call in, one answer out (status,
 * JSON body, headers). Thread-safe; called on Netty IO threads.
 */
final class BinanceRestApi {
    static final String USED_WEIGHT = "X-MBX-USED-WEIGHT-1M";
    static final String ORDER_COUNT_10S = "X-MBX-ORDER-COUNT-10S";
    static final String ORDER_COUNT_1M = "X-MBX-ORDER-COUNT-1M";
    private static final long MAX_RECV_WINDOW_MS = 60_000L;
    private static final long DEFAULT_RECV_WINDOW_MS = 5_000L;
    private static final long MAX_AHEAD_MS = 1_000L;
    /** exchangeInfo MAX_NUM_ORDERS / MAX_NUM_ALGO_ORDERS of BTCUSDT and ETHUSDT (published, not enforced). */
    private static final int MAX_NUM_ORDERS = 200;
    private static final int MAX_NUM_ALGO_ORDERS = 10;

    private final BinanceSimConfig config;
    private final SimClock clock;
    private final BinanceMarket market;
    private final BinanceAccount account;
    private final UserDataStreams userStreams;
    private final ObjectMapper mapper;
    private final Object usageLock = new Object();
    private long weightMinute = Long.MIN_VALUE;
    private int usedWeight;
    private long orderMinute = Long.MIN_VALUE;
    private int ordersThisMinute;
    private long order10s = Long.MIN_VALUE;
    private int ordersThis10s;

    BinanceRestApi(final BinanceSimConfig config, final BinanceMarket market, final BinanceAccount account,
                   final UserDataStreams userStreams, final ObjectMapper mapper) {
        this.config = config;
        this.clock = config.clock();
        this.market = market;
        this.account = account;
        this.userStreams = userStreams;
        this.mapper = mapper;
    }

    /** A REST request as received: method, path, raw query (no '?'), raw form body, API key header (or null). */
    record Request(String method, String path, String rawQuery, String rawBody, String apiKey) {
    }

    /** A REST answer. */
    record Reply(int status, String body, Map<String, String> headers) {
    }

    Reply handle(final Request r, final boolean failWith503AfterOrder) {
        final Map<String, String> headers = new LinkedHashMap<>();
        try {
            final Map<String, String> params = params(r);
            final String body = route(r, params, headers);
            if (failWith503AfterOrder) {
                return new Reply(503, error(-1000, "Unknown error, please check your request or try again later."),
                    headers);
            }
            return new Reply(200, body, headers);
        } catch (final BinanceApiException e) {
            return new Reply(e.httpStatus(), error(e.code(), e.getMessage()), headers);
        }
    }

    /** The Binance error body. */
    String error(final int code, final String msg) {
        return mapper.createObjectNode().put("code", code).put("msg", msg).toString();
    }

    private static Map<String, String> params(final Request r) {
        final Map<String, String> p = new LinkedHashMap<>();
        decode(r.rawBody(), p);
        decode(r.rawQuery(), p); // the query string wins over the body
        return p;
    }

    private static void decode(final String raw, final Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (final String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            final int eq = part.indexOf('=');
            final String k = eq < 0 ? part : part.substring(0, eq);
            final String v = eq < 0 ? "" : part.substring(eq + 1);
            into.put(urlDecode(k), urlDecode(v));
        }
    }

    private static String urlDecode(final String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (final IllegalArgumentException e) {
            throw BinanceApiException.badRequest(-1100, "Illegal characters found in a parameter.");
        }
    }

    private String route(final Request r, final Map<String, String> p, final Map<String, String> headers) {
        final String key = r.method() + ' ' + r.path();
        switch (key) {
            case "GET /fapi/v1/ping":
                weigh(headers, 1);
                return "{}";
            case "GET /fapi/v1/time":
                weigh(headers, 1);
                return "{\"serverTime\":" + clock.epochMillis() + '}';
            case "GET /fapi/v1/exchangeInfo":
                weigh(headers, 1);
                return exchangeInfo();
            case "GET /fapi/v1/openInterest":
                weigh(headers, 1);
                return market.openInterestJson(account.symbolParam(p).name());
            case "GET /fapi/v1/depth":
                return depth(p, headers);
            case "POST /fapi/v1/order":
                weigh(headers, 0);
                countOrder(headers);
                signed(r, p);
                return placeOrder(p);
            case "DELETE /fapi/v1/order":
                weigh(headers, 1);
                signed(r, p);
                return account.orderJson(account.cancel(p), false).toString();
            case "GET /fapi/v1/order":
                weigh(headers, 1);
                signed(r, p);
                return account.orderJson(account.query(p), true).toString();
            case "DELETE /fapi/v1/allOpenOrders":
                weigh(headers, 1);
                signed(r, p);
                account.cancelAll(p);
                return "{\"code\":200,\"msg\":\"The operation of cancel all open order is done.\"}";
            case "GET /fapi/v1/openOrders":
                weigh(headers, p.containsKey("symbol") ? 1 : 40);
                signed(r, p);
                return account.openOrdersJson(p.containsKey("symbol") ? account.symbolParam(p) : null).toString();
            case "GET /fapi/v2/positionRisk":
            case "GET /fapi/v3/positionRisk":
                weigh(headers, 5);
                signed(r, p);
                return account.positionRiskJson(p.containsKey("symbol") ? account.symbolParam(p) : null,
                    r.path().startsWith("/fapi/v3")).toString();
            case "GET /fapi/v2/balance":
            case "GET /fapi/v3/balance":
                weigh(headers, 5);
                signed(r, p);
                return account.balanceJson().toString();
            case "POST /fapi/v1/listenKey":
                weigh(headers, 1);
                apiKey(r);
                return "{\"listenKey\":\"" + userStreams.create() + "\"}";
            case "PUT /fapi/v1/listenKey":
                weigh(headers, 1);
                apiKey(r);
                if (!userStreams.keepAlive(p.get("listenKey"))) {
                    throw BinanceApiException.badRequest(-1125, "This listenKey does not exist.");
                }
                return "{\"listenKey\":\"" + userStreams.activeKeys().get(0) + "\"}";
            case "DELETE /fapi/v1/listenKey":
                weigh(headers, 1);
                apiKey(r);
                userStreams.delete(p.get("listenKey"));
                return "{}";
            default:
                throw new BinanceApiException(404, -5000, "Path " + r.path() + ", Method " + r.method()
                    + " is invalid");
        }
    }

    private String placeOrder(final Map<String, String> p) {
        final String respType = p.getOrDefault("newOrderRespType", "ACK");
        if (!"ACK".equals(respType) && !"RESULT".equals(respType)) {
            throw BinanceApiException.badRequest(-1130, "Data sent for parameter 'newOrderRespType' is not valid.");
        }
        final SimOrder o = account.place(p);
        final ObjectNode answer = "RESULT".equals(respType) ? account.orderJson(o, false) : account.ackJson(o);
        return answer.toString();
    }

    private String depth(final Map<String, String> p, final Map<String, String> headers) {
        final String limitText = p.getOrDefault("limit", "500");
        final int limit;
        try {
            limit = Integer.parseInt(limitText);
        } catch (final NumberFormatException e) {
            throw BinanceApiException.badRequest(-1130, "Data sent for parameter 'limit' is not valid.");
        }
        final int weight;
        switch (limit) {
            case 5:
            case 10:
            case 20:
            case 50:
                weight = 2;
                break;
            case 100:
                weight = 5;
                break;
            case 500:
                weight = 10;
                break;
            case 1000:
                weight = 20;
                break;
            default:
                weigh(headers, 2);
                throw BinanceApiException.badRequest(-1130, "Data sent for parameter 'limit' is not valid.");
        }
        weigh(headers, weight);
        return market.depthSnapshotJson(account.symbolParam(p).name(), limit);
    }

    private String exchangeInfo() {
        final ObjectNode root = mapper.createObjectNode();
        root.put("timezone", "UTC").put("serverTime", clock.epochMillis()).put("futuresType", "U_MARGINED");
        final ArrayNode limits = root.putArray("rateLimits");
        limits.addObject().put("rateLimitType", "REQUEST_WEIGHT").put("interval", "MINUTE").put("intervalNum", 1)
            .put("limit", 2400);
        limits.addObject().put("rateLimitType", "ORDERS").put("interval", "MINUTE").put("intervalNum", 1)
            .put("limit", 1200);
        limits.addObject().put("rateLimitType", "ORDERS").put("interval", "SECOND").put("intervalNum", 10)
            .put("limit", 300);
        root.putArray("assets").addObject().put("asset", "USDT").put("marginAvailable", true);
        final ArrayNode symbols = root.putArray("symbols");
        for (final SimSymbol s : market.symbols()) {
            final ObjectNode n = symbols.addObject();
            n.put("symbol", s.name()).put("pair", s.name()).put("contractType", "PERPETUAL")
                .put("status", "TRADING").put("baseAsset", s.name().replace("USDT", "")).put("quoteAsset", "USDT")
                .put("marginAsset", "USDT").put("pricePrecision", s.priceDecimals())
                .put("quantityPrecision", s.qtyDecimals()).put("baseAssetPrecision", 8).put("quotePrecision", 8)
                .put("underlyingType", "COIN").put("triggerProtect", "0.0500");
            final SimFilters f = s.filters();
            final ArrayNode filters = n.putArray("filters");
            filters.addObject().put("filterType", "PRICE_FILTER").put("tickSize", s.tickSize().toPlainString())
                .put("minPrice", f.minPrice().toPlainString()).put("maxPrice", f.maxPrice().toPlainString());
            filters.addObject().put("filterType", "LOT_SIZE").put("stepSize", s.stepSize().toPlainString())
                .put("minQty", f.minQty().toPlainString()).put("maxQty", f.maxQty().toPlainString());
            filters.addObject().put("filterType", "MARKET_LOT_SIZE").put("stepSize", s.stepSize().toPlainString())
                .put("minQty", f.minQty().toPlainString()).put("maxQty", f.marketMaxQty().toPlainString());
            filters.addObject().put("filterType", "MAX_NUM_ORDERS").put("limit", MAX_NUM_ORDERS);
            filters.addObject().put("filterType", "MAX_NUM_ALGO_ORDERS").put("limit", MAX_NUM_ALGO_ORDERS);
            filters.addObject().put("filterType", "MIN_NOTIONAL").put("notional", f.minNotional().toPlainString());
            filters.addObject().put("filterType", "PERCENT_PRICE")
                .put("multiplierUp", multiplier(f.multiplierUp())).put("multiplierDown", multiplier(f.multiplierDown()))
                .put("multiplierDecimal", Integer.toString(SimFilters.MULTIPLIER_DECIMALS));
            final ArrayNode types = n.putArray("orderTypes");
            types.add("LIMIT").add("MARKET");
            final ArrayNode tifs = n.putArray("timeInForce");
            tifs.add("GTC").add("IOC").add("FOK").add("GTX");
        }
        return root.toString();
    }

    private static String multiplier(final BigDecimal value) {
        return value.setScale(SimFilters.MULTIPLIER_DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
    }

    // ---- security ------------------------------------------------------------------------------------------------

    private String apiKey(final Request r) {
        final String key = r.apiKey();
        if (key == null || key.isEmpty()) {
            throw new BinanceApiException(401, -2014, "API-key format invalid.");
        }
        final String secret = config.apiKeys().get(key);
        if (secret == null) {
            throw new BinanceApiException(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        return secret;
    }

    private void signed(final Request r, final Map<String, String> p) {
        final String secret = apiKey(r);
        final String ts = BinanceAccount.required(p, "timestamp");
        final long timestamp;
        final long recvWindow;
        try {
            timestamp = Long.parseLong(ts);
            recvWindow = Long.parseLong(p.getOrDefault("recvWindow", Long.toString(DEFAULT_RECV_WINDOW_MS)));
        } catch (final NumberFormatException e) {
            throw BinanceApiException.badRequest(-1100, "Illegal characters found in parameter 'timestamp' or "
                + "'recvWindow'; legal range is '^[0-9]{1,20}$'.");
        }
        if (recvWindow <= 0 || recvWindow > MAX_RECV_WINDOW_MS) {
            throw BinanceApiException.badRequest(-1131, "recvWindow must be less than 60000");
        }
        final long now = clock.epochMillis();
        if (timestamp > now + MAX_AHEAD_MS) {
            throw BinanceApiException.badRequest(-1021, "Timestamp for this request was 1000ms ahead of the "
                + "server's time.");
        }
        if (now - timestamp > recvWindow) {
            throw BinanceApiException.badRequest(-1021, "Timestamp for this request is outside of the recvWindow.");
        }
        final String signature = BinanceAccount.required(p, "signature");
        final String query = r.rawQuery() == null ? "" : r.rawQuery();
        final String body = r.rawBody() == null ? "" : r.rawBody();
        final String total = RequestSignature.without(query, "signature") + RequestSignature.without(body, "signature");
        if (!RequestSignature.verify(secret, total, signature)) {
            throw BinanceApiException.badRequest(-1022, "Signature for this request is not valid.");
        }
    }

    // ---- usage -----------------------------------------------------------------------------------------------------

    private void weigh(final Map<String, String> headers, final int weight) {
        synchronized (usageLock) {
            final long minute = Math.floorDiv(clock.epochMillis(), 60_000L);
            if (minute != weightMinute) {
                weightMinute = minute;
                usedWeight = 0;
            }
            usedWeight += weight;
            headers.put(USED_WEIGHT, Integer.toString(usedWeight));
        }
    }

    private void countOrder(final Map<String, String> headers) {
        synchronized (usageLock) {
            final long now = clock.epochMillis();
            final long minute = Math.floorDiv(now, 60_000L);
            final long tenSeconds = Math.floorDiv(now, 10_000L);
            if (minute != orderMinute) {
                orderMinute = minute;
                ordersThisMinute = 0;
            }
            if (tenSeconds != order10s) {
                order10s = tenSeconds;
                ordersThis10s = 0;
            }
            ordersThisMinute++;
            ordersThis10s++;
            headers.put(ORDER_COUNT_10S, Integer.toString(ordersThis10s));
            headers.put(ORDER_COUNT_1M, Integer.toString(ordersThisMinute));
        }
    }

    /** Adds the current weight header without counting (for answers that bypass {@link #handle}). */
    void currentWeight(final Map<String, String> headers) {
        weigh(headers, 0);
    }
}
