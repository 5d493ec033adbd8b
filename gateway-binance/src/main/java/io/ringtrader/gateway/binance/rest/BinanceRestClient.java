package io.ringtrader.gateway.binance.rest;

import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.fixedpoint.FixedPoint;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.gateway.binance.rest.BinanceRestException.Reason;
import io.ringtrader.gateway.binance.sync.SnapshotRequester;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance USDⓈ-M futures REST client on the JDK's {@link HttpClient}.
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
 * Rate-limit headers of every response feed the {@link RateLimitState}.
 */
public final class BinanceRestClient implements AutoCloseable {
    /** The API key header. */
    public static final String API_KEY_HEADER = "X-MBX-APIKEY";
    public static final String USED_WEIGHT_1M = "X-MBX-USED-WEIGHT-1M";
    public static final String ORDER_COUNT_10S = "X-MBX-ORDER-COUNT-10S";
    public static final String ORDER_COUNT_1M = "X-MBX-ORDER-COUNT-1M";
    /** Timestamp outside recvWindow. */
    public static final int TIMESTAMP_OUTSIDE_RECV_WINDOW = -1021;

    private static final Logger LOG = LoggerFactory.getLogger(BinanceRestClient.class);
    private static final String FORM = "application/x-www-form-urlencoded";

    private final BinanceRestConfig config;
    private final LongSupplier clockMs;
    private final RestAlarmListener alarm;
    private final BinanceSigner signer;
    private final RateLimitState limits;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    /** The base URL without a trailing slash. */
    private final String base;
    private volatile long timeOffsetMs;
    private volatile boolean closed;

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
        this.config = config;
        this.clockMs = clockMs;
        this.alarm = alarm;
        final String url = config.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.signer = config.hasCredentials() ? new BinanceSigner(config.secretKey()) : null;
        this.limits = new RateLimitState(clockMs, config.weightLimitPerMinute(), config.orderLimitPer10s(),
            config.orderLimitPerMinute());
        this.executor = Executors.newFixedThreadPool(config.ioThreads(), daemonThreads("binance-rest-"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("binance-rest-timer-"));
        this.http = HttpClient.newBuilder()
            .executor(executor)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.requestTimeout())
            .build();
    }

    // ------------------------------------------------------------------ endpoints

    /**
     * {@code GET /fapi/v1/time}: measures the server-time offset at the round-trip midpoint and keeps it for
     * signed requests.
     *
     * @return the offset (server minus local), in milliseconds.
     */
    public CompletableFuture<Long> syncTime() {
        final long sentMs = clockMs.getAsLong();
        return send(new Call("GET", "/fapi/v1/time", "", false, 1, false), false).thenApply(response -> {
            final long receivedMs = clockMs.getAsLong();
            final long serverTime = response.longField("serverTime");
            if (serverTime == RestJson.ABSENT) {
                throw new BinanceRestException(Reason.BAD_RESPONSE, response.status(), 0,
                    "binance rest: /fapi/v1/time answered without serverTime: " + response.text(), null);
            }
            final long offset = serverTime - (sentMs + (receivedMs - sentMs) / 2);
            timeOffsetMs = offset;
            LOG.info("binance rest: server time offset {} ms (round trip {} ms)", offset, receivedMs - sentMs);
            return offset;
        });
    }

    /** {@code GET /fapi/v1/exchangeInfo} (weight 1). */
    public CompletableFuture<RestResponse> exchangeInfo() {
        return send(new Call("GET", "/fapi/v1/exchangeInfo", "", false, 1, false), false);
    }

    /** {@code GET /fapi/v1/depth?symbol=X&limit=N}; weight 20 for limit 1000 (2 to 20 by limit). */
    public CompletableFuture<RestResponse> depth(final String symbol, final int limit) {
        return send(new Call("GET", "/fapi/v1/depth", "symbol=" + symbol + "&limit=" + limit, false,
            depthWeight(limit), false), false);
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
        return send(new Call("GET", "/fapi/v1/openInterest", "symbol=" + symbol, false, 1, false), false);
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
        return send(new Call("POST", "/fapi/v1/order",
            newOrderParams(instrument, newClientOrderId, side, type, timeInForce, priceMantissa, qtyMantissa, reduceOnly),
            true, 1, true), false);
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
        return send(new Call("DELETE", "/fapi/v1/order", orderParams(symbol, origClientOrderId), true, 1, false), false);
    }

    /** {@code GET /fapi/v1/order?symbol=X&origClientOrderId=rt-TAG-ID} (weight 1). */
    public CompletableFuture<RestResponse> queryOrder(final String symbol, final String origClientOrderId) {
        return send(new Call("GET", "/fapi/v1/order", orderParams(symbol, origClientOrderId), true, 1, false), false);
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
        return send(new Call("DELETE", "/fapi/v1/allOpenOrders", "symbol=" + symbol, true, 1, false), false);
    }

    /** {@code GET /fapi/v1/openOrders} for one symbol (weight 1) or, with null, all (weight 40). */
    public CompletableFuture<RestResponse> openOrders(final String symbol) {
        return send(new Call("GET", "/fapi/v1/openOrders", symbol == null ? "" : "symbol=" + symbol, true,
            symbol == null ? 40 : 1, false), false);
    }

    /** {@code GET /fapi/v3/positionRisk} for one symbol or, with null, all (weight 5). */
    public CompletableFuture<RestResponse> positions(final String symbol) {
        return send(new Call("GET", "/fapi/v3/positionRisk", symbol == null ? "" : "symbol=" + symbol, true, 5, false),
            false);
    }

    /** {@code POST /fapi/v1/listenKey}: the account's listen key (a new one, or the active one extended). */
    public CompletableFuture<String> createListenKey() {
        return send(new Call("POST", "/fapi/v1/listenKey", "", false, 1, false), false).thenApply(response -> {
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
        return send(new Call("PUT", "/fapi/v1/listenKey", "", false, 1, false), false);
    }

    /** {@code DELETE /fapi/v1/listenKey}: closes the user data stream. */
    public CompletableFuture<RestResponse> closeListenKey() {
        return send(new Call("DELETE", "/fapi/v1/listenKey", "", false, 1, false), false);
    }

    // ------------------------------------------------------------------ state

    /** Rate-limit counters, back-off and ban. */
    public RateLimitState rateLimits() {
        return limits;
    }

    /** Server minus local time, from the last {@link #syncTime()}. */
    public long timeOffsetMs() {
        return timeOffsetMs;
    }

    /** The client's own executor (REST work, callbacks); never a ring thread. */
    public java.util.concurrent.Executor executor() {
        return executor;
    }

    /** The client's timer thread: order-status queries, listen-key keepalives, open interest polls. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public BinanceRestConfig config() {
        return config;
    }

    /** Stops the executor and timer; pending futures fail with {@link Reason#CLOSED} or never complete. */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ sending

    /** One request: method, path, params (no timestamp or signature), signed, weight, counted as an order. */
    private record Call(String method, String path, String params, boolean signed, int weight, boolean order) {
    }

    private CompletableFuture<RestResponse> send(final Call call, final boolean resynced) {
        if (closed) {
            return CompletableFuture.failedFuture(new BinanceRestException(Reason.CLOSED, 0, 0,
                "binance rest: client closed, " + call.method() + ' ' + call.path() + " not sent", null));
        }
        if (call.signed() && signer == null || call.order() && signer == null) {
            return CompletableFuture.failedFuture(new BinanceRestException(Reason.NO_CREDENTIALS, 0, 0,
                "binance rest: " + call.method() + ' ' + call.path() + " needs apiKey and apiSecret; none configured", null));
        }
        final RateLimitState.Verdict verdict = limits.acquire(call.weight(), call.order());
        if (verdict != RateLimitState.Verdict.GRANTED) {
            return CompletableFuture.failedFuture(refused(verdict, call));
        }
        final HttpRequest request;
        try {
            request = build(call);
        } catch (final RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
            .exceptionallyCompose(error -> CompletableFuture.failedFuture(new BinanceRestException(Reason.TRANSPORT, 0,
                0, "binance rest: " + call.method() + ' ' + call.path() + " failed: " + error, error)))
            .thenComposeAsync(response -> onResponse(call, response, resynced), executor);
    }

    private HttpRequest build(final Call call) {
        String params = call.params();
        if (call.signed()) {
            final String stamped = (params.isEmpty() ? "" : params + '&') + "recvWindow=" + config.recvWindowMs()
                + "&timestamp=" + (clockMs.getAsLong() + timeOffsetMs);
            params = stamped + "&signature=" + signer.sign(stamped, "");
        }
        final boolean inBody = call.method().equals("POST") || call.method().equals("PUT");
        final String query = inBody || params.isEmpty() ? "" : '?' + params;
        final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + call.path() + query))
            .timeout(config.requestTimeout());
        if (config.hasCredentials()) {
            builder.header(API_KEY_HEADER, config.apiKey());
        }
        if (inBody) {
            builder.header("Content-Type", FORM);
            builder.method(call.method(), HttpRequest.BodyPublishers.ofString(params, StandardCharsets.US_ASCII));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private CompletableFuture<RestResponse> onResponse(final Call call, final HttpResponse<byte[]> response,
        final boolean resynced) {
        limits.onHeaders(header(response, USED_WEIGHT_1M), header(response, ORDER_COUNT_10S),
            header(response, ORDER_COUNT_1M));
        final int status = response.statusCode();
        final byte[] body = response.body() == null ? new byte[0] : response.body();
        if (status >= 200 && status < 300) {
            return CompletableFuture.completedFuture(new RestResponse(status, body));
        }
        final int code = RestJson.errorCode(body);
        final String msg = RestJson.stringField(body, "msg");
        final String what = call.method() + ' ' + call.path() + ": HTTP " + status
            + (code != 0 ? " code " + code : "") + (msg != null ? " " + msg : "");
        if (status == 429) {
            final long retryAfterMs = retryAfterMs(response);
            limits.onTooManyRequests(retryAfterMs);
            LOG.warn("binance rest: rate limited (429), no request for {} ms: {}", retryAfterMs, what);
            return failed(Reason.RATE_LIMITED, status, code, what, msg);
        }
        if (status == 418) {
            final long retryAfterMs = retryAfterMs(response);
            limits.onBanned(retryAfterMs);
            LOG.error("binance rest: IP BANNED (418) for {} ms; order entry stopped until resumed by an operator: {}",
                retryAfterMs, what);
            try {
                alarm.onIpBanned(retryAfterMs, msg != null ? msg : "HTTP 418");
            } catch (final RuntimeException e) {
                LOG.error("binance rest: alarm listener failed", e);
            }
            return failed(Reason.IP_BANNED, status, code, what, msg);
        }
        if (code == TIMESTAMP_OUTSIDE_RECV_WINDOW && call.signed() && !resynced) {
            LOG.warn("binance rest: {}; measuring the server time again and retrying once", what);
            return syncTime().thenCompose(offset -> send(call, true));
        }
        if (status == 503) {
            final boolean notExecuted = code == -1008 || (msg != null && msg.contains("Service Unavailable"));
            return failed(notExecuted ? Reason.SERVICE_UNAVAILABLE : Reason.UNKNOWN_EXECUTION_STATUS, status, code, what,
                msg);
        }
        return failed(code != 0 ? Reason.API_ERROR : Reason.HTTP_ERROR, status, code, what, msg);
    }

    private static CompletableFuture<RestResponse> failed(final Reason reason, final int status, final int code,
        final String what, final String venueMessage) {
        return CompletableFuture.failedFuture(new BinanceRestException(reason, status, code, "binance rest: " + what,
            venueMessage, null));
    }

    private static BinanceRestException refused(final RateLimitState.Verdict verdict, final Call call) {
        final Reason reason = switch (verdict) {
            case BACKING_OFF -> Reason.BACKING_OFF;
            case IP_BANNED -> Reason.IP_BANNED;
            default -> Reason.RATE_LIMITED;
        };
        return new BinanceRestException(reason, 0, 0, "binance rest: " + call.method() + ' ' + call.path()
            + " not sent: " + verdict, null);
    }

    private long retryAfterMs(final HttpResponse<byte[]> response) {
        final long seconds = header(response, "Retry-After");
        return seconds >= 0 ? seconds * 1_000 : config.defaultRetryAfter().toMillis();
    }

    private static long header(final HttpResponse<byte[]> response, final String name) {
        final String value = response.headers().firstValue(name).orElse(null);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (final NumberFormatException e) {
            return -1;
        }
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

    private static ThreadFactory daemonThreads(final String prefix) {
        final AtomicInteger count = new AtomicInteger();
        return runnable -> {
            final Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
