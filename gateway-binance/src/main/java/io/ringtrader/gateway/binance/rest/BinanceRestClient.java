package io.ringtrader.gateway.binance.rest;

import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.fixedpoint.FixedPoint;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.gateway.binance.sync.SnapshotRequester;
import io.ringtrader.gateway.common.rest.RateLimitState;
import io.ringtrader.gateway.common.rest.RestAlarmListener;
import io.ringtrader.gateway.common.rest.RestClientBase;
import io.ringtrader.gateway.common.rest.RestException;
import io.ringtrader.gateway.common.rest.RestException.Reason;
import io.ringtrader.gateway.common.rest.RestResponse;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Binance USDⓈ-M futures REST client: the endpoints, and what is Binance's own over {@link RestClientBase} (requests
 * on the client's own executor, server-time offset, rate limits, 429/418/503 handling).
 *
 * <p><b>Threading.</b> Every method returns at once with a {@link CompletableFuture}; requests run and futures
 * complete on the client's own executor ({@code binance-rest-N} daemon threads), never on the caller's thread, so
 * ring threads may call in. Callers must not block a ring thread on a future. Thread-safe.
 *
 * <p><b>Signed requests</b> carry {@code recvWindow}, {@code timestamp} (local clock plus the server-time offset
 * measured by {@link #syncTime()} at the round-trip midpoint) and {@code signature} ({@link BinanceSigner}); GET and
 * DELETE send their params in the query string, POST and PUT in a form body. Every request sends
 * {@code X-MBX-APIKEY}.
 *
 * <p><b>Failures</b> complete the future with a {@link BinanceRestException}:
 * <ul>
 *   <li>{@code -1021} (timestamp outside recvWindow): the offset is measured again <em>once</em> and the request
 *       sent again <em>once</em>; a second {@code -1021} fails it.</li>
 *   <li>429: {@link RateLimitState#onTooManyRequests} with {@code Retry-After} (or the configured default); during
 *       the back-off requests fail fast and nothing is sent.</li>
 *   <li>418: order entry stops ({@link RateLimitState#onBanned}), ERROR log, {@link RestAlarmListener#onIpBanned};
 *       every later order fails fast.</li>
 *   <li>503: {@link Reason#UNKNOWN_EXECUTION_STATUS} (the request may have executed) unless the venue says it was
 *       not ({@code -1008}, "Service Unavailable"). The client never resends; {@link BinanceOrderEntry} resolves an
 *       order's status by querying it.</li>
 * </ul>
 * Rate-limit headers of every response ({@code X-MBX-USED-WEIGHT-1M}, {@code X-MBX-ORDER-COUNT-10S},
 * {@code X-MBX-ORDER-COUNT-1M}) feed the {@link RateLimitState}.
 */
public final class BinanceRestClient extends RestClientBase {
    /** The API key header. */
    public static final String API_KEY_HEADER = "X-MBX-APIKEY";
    public static final String USED_WEIGHT_1M = "X-MBX-USED-WEIGHT-1M";
    public static final String ORDER_COUNT_10S = "X-MBX-ORDER-COUNT-10S";
    public static final String ORDER_COUNT_1M = "X-MBX-ORDER-COUNT-1M";
    /** Timestamp outside recvWindow. */
    public static final int TIMESTAMP_OUTSIDE_RECV_WINDOW = -1021;
    /** A 503 with this code executed nothing. */
    private static final int SERVICE_UNAVAILABLE = -1008;

    private final BinanceRestConfig config;
    private final BinanceSigner signer;

    /** A client on the system clock. */
    public BinanceRestClient(final BinanceRestConfig config, final RestAlarmListener alarm) {
        this(config, System::currentTimeMillis, alarm);
    }

    /**
     * @param config  settings.
     * @param clockMs epoch milliseconds (timestamps, rate-limit windows, back-off).
     * @param alarm   told about an IP ban.
     */
    public BinanceRestClient(final BinanceRestConfig config, final LongSupplier clockMs, final RestAlarmListener alarm) {
        super("binance", config.baseUrl(), config.requestTimeout(), config.ioThreads(), config.defaultRetryAfter(),
            config.hasCredentials(), new RateLimitState(clockMs, config.weightLimitPerMinute(), config.orderLimitPer10s(),
                config.orderLimitPerMinute()), clockMs, alarm);
        this.config = config;
        this.signer = config.hasCredentials() ? new BinanceSigner(config.secretKey()) : null;
    }

    // ------------------------------------------------------------------ endpoints

    /** {@code GET /fapi/v1/exchangeInfo} (weight 1). */
    public CompletableFuture<RestResponse> exchangeInfo() {
        return send(new RestCall("GET", "/fapi/v1/exchangeInfo", "", false, 1, false));
    }

    /** {@code GET /fapi/v1/depth?symbol=X&limit=N}; weight 20 for limit 1000 (2 to 20 by limit). */
    public CompletableFuture<RestResponse> depth(final String symbol, final int limit) {
        return send(new RestCall("GET", "/fapi/v1/depth", "symbol=" + symbol + "&limit=" + limit, false,
            depthWeight(limit), false));
    }

    /**
     * Fetches a 1000-level depth snapshot and hands its body to the listener.
     */
    public void requestDepthSnapshot(final Instrument instrument, final DepthSnapshotListener listener) {
        depth(instrument.symbol(), 1000).whenComplete((response, error) -> {
            if (error != null) {
                listener.onSnapshotFailed(instrument.id(), error);
            } else {
                listener.onSnapshot(instrument.id(), response.body());
            }
        });
    }

    /** A {@link SnapshotRequester} for the book sync: 1000-level snapshots to {@code listener}. */
    public SnapshotRequester snapshotRequester(final InstrumentRegistry instruments, final DepthSnapshotListener listener) {
        return instrumentId -> requestDepthSnapshot(instruments.byId(instrumentId), listener);
    }

    /** {@code GET /fapi/v1/openInterest?symbol=X} (weight 1). */
    public CompletableFuture<RestResponse> openInterest(final String symbol) {
        return send(new RestCall("GET", "/fapi/v1/openInterest", "symbol=" + symbol, false, 1, false));
    }

    /**
     * {@code POST /fapi/v1/order} with {@code newOrderRespType=RESULT}; prices and quantities are formatted from the
     * mantissas exactly. LIMIT orders send {@code timeInForce} and {@code price}; MARKET orders neither.
     *
     * @param newClientOrderId the order's id on the venue ({@code ClientOrderIds.format}: {@code rt-<tag>-<n>}).
     */
    public CompletableFuture<RestResponse> newOrder(final Instrument instrument, final String newClientOrderId,
        final OrderSide side, final OrderType type, final TimeInForce timeInForce, final long priceMantissa,
        final long qtyMantissa, final boolean reduceOnly) {
        return send(new RestCall("POST", "/fapi/v1/order",
            newOrderParams(instrument, newClientOrderId, side, type, timeInForce, priceMantissa, qtyMantissa, reduceOnly),
            true, 1, true));
    }

    /** The params of a new order, in the order they are sent (before {@code recvWindow}, timestamp, signature). */
    static String newOrderParams(final Instrument instrument, final String newClientOrderId, final OrderSide side,
        final OrderType type, final TimeInForce timeInForce, final long priceMantissa, final long qtyMantissa,
        final boolean reduceOnly) {
        final StringBuilder params = new StringBuilder(160)
            .append("symbol=").append(instrument.symbol())
            .append("&side=").append(side.name())
            .append("&type=").append(type.name());
        if (type == OrderType.LIMIT) {
            params.append("&timeInForce=").append(timeInForce.name());
        }
        params.append("&quantity=");
        FixedPoint.appendTo(params, qtyMantissa, instrument.qtyScale());
        if (type == OrderType.LIMIT) {
            params.append("&price=");
            FixedPoint.appendTo(params, priceMantissa, instrument.priceScale());
        }
        if (reduceOnly) {
            params.append("&reduceOnly=true");
        }
        return params.append("&newClientOrderId=").append(newClientOrderId)
            .append("&newOrderRespType=RESULT").toString();
    }

    /** {@code DELETE /fapi/v1/order?symbol=X&origClientOrderId=rt-TAG-ID} (weight 1). */
    public CompletableFuture<RestResponse> cancelOrder(final String symbol, final String origClientOrderId) {
        return send(new RestCall("DELETE", "/fapi/v1/order", orderParams(symbol, origClientOrderId), true, 1, false));
    }

    /** {@code GET /fapi/v1/order?symbol=X&origClientOrderId=rt-TAG-ID} (weight 1). */
    public CompletableFuture<RestResponse> queryOrder(final String symbol, final String origClientOrderId) {
        return send(new RestCall("GET", "/fapi/v1/order", orderParams(symbol, origClientOrderId), true, 1, false));
    }

    /** The params naming one order by its venue client id ({@code [0-9a-z-]}: nothing to encode). */
    private static String orderParams(final String symbol, final String origClientOrderId) {
        return "symbol=" + symbol + "&origClientOrderId=" + origClientOrderId;
    }

    /**
     * {@code DELETE /fapi/v1/allOpenOrders?symbol=X} (weight 1): cancels every open order of the account on the symbol,
     * whoever placed it.
     */
    public CompletableFuture<RestResponse> cancelAllOpenOrders(final String symbol) {
        return send(new RestCall("DELETE", "/fapi/v1/allOpenOrders", "symbol=" + symbol, true, 1, false));
    }

    /** {@code GET /fapi/v1/openOrders} for one symbol (weight 1) or, with null, all (weight 40). */
    public CompletableFuture<RestResponse> openOrders(final String symbol) {
        return send(new RestCall("GET", "/fapi/v1/openOrders", symbol == null ? "" : "symbol=" + symbol, true,
            symbol == null ? 40 : 1, false));
    }

    /** {@code GET /fapi/v3/positionRisk} for one symbol or, with null, all (weight 5). */
    public CompletableFuture<RestResponse> positions(final String symbol) {
        return send(new RestCall("GET", "/fapi/v3/positionRisk", symbol == null ? "" : "symbol=" + symbol, true, 5, false));
    }

    /** {@code POST /fapi/v1/listenKey}: the account's listen key (a new one, or the active one extended). */
    public CompletableFuture<String> createListenKey() {
        return send(new RestCall("POST", "/fapi/v1/listenKey", "", false, 1, false)).thenApply(response -> {
            final String key = response.stringField("listenKey");
            if (key == null || key.isEmpty()) {
                throw new BinanceRestException(Reason.BAD_RESPONSE, response.status(), 0,
                    "binance rest: listenKey missing in " + response.text(), null);
            }
            return key;
        });
    }

    /** {@code PUT /fapi/v1/listenKey}: extends the key by 60 minutes ({@code -1125} if it no longer exists). */
    public CompletableFuture<RestResponse> keepAliveListenKey() {
        return send(new RestCall("PUT", "/fapi/v1/listenKey", "", false, 1, false));
    }

    /** {@code DELETE /fapi/v1/listenKey}: closes the user data stream. */
    public CompletableFuture<RestResponse> closeListenKey() {
        return send(new RestCall("DELETE", "/fapi/v1/listenKey", "", false, 1, false));
    }

    // ------------------------------------------------------------------ Binance's own

    public BinanceRestConfig config() {
        return config;
    }

    @Override
    protected String authenticate(final RestCall call, final long timestampMs, final HttpRequest.Builder request) {
        if (config.hasCredentials()) {
            request.header(API_KEY_HEADER, config.apiKey());
        }
        if (!call.signed()) {
            return call.params();
        }
        final String stamped = (call.params().isEmpty() ? "" : call.params() + '&') + "recvWindow=" + config.recvWindowMs()
            + "&timestamp=" + timestampMs;
        return stamped + "&signature=" + signer.sign(stamped, "");
    }

    @Override
    protected void onRateLimitHeaders(final HttpHeaders headers, final RateLimitState limits) {
        limits.onHeaders(header(headers, USED_WEIGHT_1M), header(headers, ORDER_COUNT_10S), header(headers, ORDER_COUNT_1M));
    }

    @Override
    protected RestCall serverTimeCall() {
        return new RestCall("GET", "/fapi/v1/time", "", false, 1, false);
    }

    @Override
    protected String serverTimeField() {
        return "serverTime";
    }

    @Override
    protected boolean isTimestampRejected(final int code) {
        return code == TIMESTAMP_OUTSIDE_RECV_WINDOW;
    }

    @Override
    protected boolean isNotExecuted(final int code, final String venueMessage) {
        return code == SERVICE_UNAVAILABLE || (venueMessage != null && venueMessage.contains("Service Unavailable"));
    }

    @Override
    protected RestException failure(final Reason reason, final int httpStatus, final int code, final String message,
        final String venueMessage, final Throwable cause) {
        return new BinanceRestException(reason, httpStatus, code, message, venueMessage, cause);
    }

    private static int depthWeight(final int limit) {
        if (limit <= 50) {
            return 2;
        }
        if (limit <= 100) {
            return 5;
        }
        return limit <= 500 ? 10 : 20;
    }
}
