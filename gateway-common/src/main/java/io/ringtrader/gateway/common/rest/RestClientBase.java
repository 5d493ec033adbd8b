package io.ringtrader.gateway.common.rest;

import io.ringtrader.gateway.common.rest.RestException.Reason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
 * What every venue's REST client does the same way, on the JDK's {@link HttpClient}: requests on its own executor, a
 * local rate-limit check before each, the server-time offset, and the handling of 429, 418 and 503. A venue's client
 * extends it with its endpoints and what is its own: how a request is authenticated ({@link #authenticate}: Binance
 * signs the params, another venue sets headers), where the venue reports its rate-limit counters
 * ({@link #onRateLimitHeaders}), how it says a timestamp is out of its window ({@link #isTimestampRejected}) and that a
 * 503 executed nothing ({@link #isNotExecuted}), and its exception type ({@link #failure}).
 *
 * <p><b>Threading.</b> Every request returns at once with a {@link CompletableFuture}; requests run and futures
 * complete on the client's own executor ({@code <venue>-rest-N} daemon threads), never on the caller's thread, so ring
 * threads may call in. Callers must not block a ring thread on a future. Thread-safe.
 *
 * <p><b>Failures</b> complete the future with a {@link RestException} (the venue's subclass where it has one):
 * <ul>
 *   <li>a timestamp the venue rejects as outside its window: the offset is measured again <em>once</em> and the
 *       request sent again <em>once</em>; a second rejection fails it.</li>
 *   <li>429: {@link RateLimitState#onTooManyRequests} with {@code Retry-After} (or the configured default); during
 *       the back-off requests fail fast and nothing is sent.</li>
 *   <li>418: order entry stops ({@link RateLimitState#onBanned}), ERROR log, {@link RestAlarmListener#onIpBanned};
 *       every later order fails fast.</li>
 *   <li>503: {@link Reason#UNKNOWN_EXECUTION_STATUS} (the request may have executed) unless the venue says it was
 *       not ({@link #isNotExecuted}, {@link Reason#SERVICE_UNAVAILABLE}). The client never resends; order entry
 *       resolves an order's status by querying it.</li>
 * </ul>
 */
public abstract class RestClientBase implements AutoCloseable {
    /**
     * One request.
     *
     * @param method HTTP method.
     * @param path   the path below the base URL.
     * @param params the params, URL-encoded, without authentication ("" if none).
     * @param signed true for a request the venue wants authenticated.
     * @param weight the endpoint's request weight.
     * @param order  true for an order request (counts against the order limits and the ban).
     */
    public record RestCall(String method, String path, String params, boolean signed, int weight, boolean order) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RestClientBase.class);

    private final String prefix;
    private final LongSupplier clockMs;
    private final RestAlarmListener alarm;
    private final RateLimitState limits;
    private final Duration requestTimeout;
    private final Duration defaultRetryAfter;
    private final boolean credentials;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    /** The base URL without a trailing slash. */
    private final String base;
    private volatile long timeOffsetMs;
    private volatile boolean closed;

    /**
     * @param venue             the venue's name, for logs, messages and thread names ({@code binance}).
     * @param baseUrl           the REST base URL.
     * @param requestTimeout    connect and response limit of each request.
     * @param ioThreads         threads of the client's executor.
     * @param defaultRetryAfter the back-off after a 429 or 418 without {@code Retry-After}.
     * @param credentials       true when the client can authenticate (signed requests and orders need it).
     * @param limits            the rate-limit state requests are checked against.
     * @param clockMs           epoch milliseconds (timestamps, rate-limit windows, back-off).
     * @param alarm             told about an IP ban.
     */
    protected RestClientBase(final String venue, final URI baseUrl, final Duration requestTimeout, final int ioThreads,
        final Duration defaultRetryAfter, final boolean credentials, final RateLimitState limits, final LongSupplier clockMs,
        final RestAlarmListener alarm) {
        this.prefix = venue + " rest: ";
        this.clockMs = clockMs;
        this.alarm = alarm;
        this.limits = limits;
        this.requestTimeout = requestTimeout;
        this.defaultRetryAfter = defaultRetryAfter;
        this.credentials = credentials;
        final String url = baseUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.executor = Executors.newFixedThreadPool(ioThreads, daemonThreads(venue + "-rest-"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads(venue + "-rest-timer-"));
        this.http = HttpClient.newBuilder()
            .executor(executor)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(requestTimeout)
            .build();
    }

    // ------------------------------------------------------------------ what a venue supplies

    /**
     * Authenticates one request: adds the venue's key header(s) to {@code request} and returns the params to send
     * (Binance: for a signed call, the params with {@code recvWindow}, {@code timestamp} and {@code signature}
     * appended). Called for every request, on a REST thread or the caller's; must not block.
     *
     * @param call        the request.
     * @param timestampMs the venue's time now: the local clock plus the measured offset.
     * @param request     the request being built (URL and method are set after this).
     * @return the params to send, in the query (GET, DELETE) or the form body (POST, PUT).
     */
    protected abstract String authenticate(RestCall call, long timestampMs, HttpRequest.Builder request);

    /** Reads the venue's rate-limit counters from a response's headers into {@code limits}. */
    protected abstract void onRateLimitHeaders(HttpHeaders headers, RateLimitState limits);

    /** The request that reads the venue's time ({@link #syncTime}). */
    protected abstract RestCall serverTimeCall();

    /** The field of {@link #serverTimeCall}'s answer holding the venue's epoch milliseconds. */
    protected abstract String serverTimeField();

    /** True for the venue's error code meaning "timestamp outside the window" (Binance {@code -1021}). */
    protected abstract boolean isTimestampRejected(int code);

    /** True when a 503 with this code and message says nothing was executed (Binance: {@code -1008}). */
    protected abstract boolean isNotExecuted(int code, String venueMessage);

    /** The exception a failed request completes with; a venue returns its subclass. */
    protected RestException failure(final Reason reason, final int httpStatus, final int code, final String message,
        final String venueMessage, final Throwable cause) {
        return new RestException(reason, httpStatus, code, message, venueMessage, cause);
    }

    // ------------------------------------------------------------------ state

    /**
     * Reads the venue's time ({@link #serverTimeCall}), measures the offset at the round-trip midpoint and keeps it
     * for authenticated requests.
     *
     * @return the offset (server minus local), in milliseconds.
     */
    public CompletableFuture<Long> syncTime() {
        final long sentMs = clockMs.getAsLong();
        final RestCall call = serverTimeCall();
        return send(call, false).thenApply(response -> {
            final long receivedMs = clockMs.getAsLong();
            final long serverTime = response.longField(serverTimeField());
            if (serverTime == RestJson.ABSENT) {
                throw failure(Reason.BAD_RESPONSE, response.status(), 0,
                    prefix + call.path() + " answered without " + serverTimeField() + ": " + response.text(), null, null);
            }
            final long offset = serverTime - (sentMs + (receivedMs - sentMs) / 2);
            timeOffsetMs = offset;
            LOG.info("{}server time offset {} ms (round trip {} ms)", prefix, offset, receivedMs - sentMs);
            return offset;
        });
    }

    /** Rate-limit counters, back-off and ban. */
    public RateLimitState rateLimits() {
        return limits;
    }

    /** Server minus local time, from the last {@link #syncTime()}. */
    public long timeOffsetMs() {
        return timeOffsetMs;
    }

    /** The client's own executor (REST work, callbacks); never a ring thread. */
    public Executor executor() {
        return executor;
    }

    /** The client's timer thread: order-status queries, keepalives, polls. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
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

    /** Sends {@code call}: checked against the rate limits, authenticated, its failures mapped as described above. */
    protected final CompletableFuture<RestResponse> send(final RestCall call) {
        return send(call, false);
    }

    private CompletableFuture<RestResponse> send(final RestCall call, final boolean resynced) {
        if (closed) {
            return CompletableFuture.failedFuture(failure(Reason.CLOSED, 0, 0,
                prefix + "client closed, " + call.method() + ' ' + call.path() + " not sent", null, null));
        }
        if ((call.signed() || call.order()) && !credentials) {
            return CompletableFuture.failedFuture(failure(Reason.NO_CREDENTIALS, 0, 0,
                prefix + call.method() + ' ' + call.path() + " needs apiKey and apiSecret; none configured", null, null));
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
            .exceptionallyCompose(error -> CompletableFuture.failedFuture(failure(Reason.TRANSPORT, 0, 0,
                prefix + call.method() + ' ' + call.path() + " failed: " + error, null, error)))
            .thenComposeAsync(response -> onResponse(call, response, resynced), executor);
    }

    private HttpRequest build(final RestCall call) {
        final HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(requestTimeout);
        final String params = authenticate(call, clockMs.getAsLong() + timeOffsetMs, builder);
        final boolean inBody = call.method().equals("POST") || call.method().equals("PUT");
        final String query = inBody || params.isEmpty() ? "" : '?' + params;
        builder.uri(URI.create(base + call.path() + query));
        if (inBody) {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
            builder.method(call.method(), HttpRequest.BodyPublishers.ofString(params, StandardCharsets.US_ASCII));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private CompletableFuture<RestResponse> onResponse(final RestCall call, final HttpResponse<byte[]> response,
        final boolean resynced) {
        onRateLimitHeaders(response.headers(), limits);
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
            LOG.warn("{}rate limited (429), no request for {} ms: {}", prefix, retryAfterMs, what);
            return failed(Reason.RATE_LIMITED, status, code, what, msg);
        }
        if (status == 418) {
            final long retryAfterMs = retryAfterMs(response);
            limits.onBanned(retryAfterMs);
            LOG.error("{}IP BANNED (418) for {} ms; order entry stopped until resumed by an operator: {}", prefix,
                retryAfterMs, what);
            try {
                alarm.onIpBanned(retryAfterMs, msg != null ? msg : "HTTP 418");
            } catch (final RuntimeException e) {
                LOG.error("{}alarm listener failed", prefix, e);
            }
            return failed(Reason.IP_BANNED, status, code, what, msg);
        }
        if (isTimestampRejected(code) && call.signed() && !resynced) {
            LOG.warn("{}{}; measuring the server time again and retrying once", prefix, what);
            return syncTime().thenCompose(offset -> send(call, true));
        }
        if (status == 503) {
            return failed(isNotExecuted(code, msg) ? Reason.SERVICE_UNAVAILABLE : Reason.UNKNOWN_EXECUTION_STATUS, status,
                code, what, msg);
        }
        return failed(code != 0 ? Reason.API_ERROR : Reason.HTTP_ERROR, status, code, what, msg);
    }

    private CompletableFuture<RestResponse> failed(final Reason reason, final int status, final int code,
        final String what, final String venueMessage) {
        return CompletableFuture.failedFuture(failure(reason, status, code, prefix + what, venueMessage, null));
    }

    private RestException refused(final RateLimitState.Verdict verdict, final RestCall call) {
        final Reason reason = switch (verdict) {
            case BACKING_OFF -> Reason.BACKING_OFF;
            case IP_BANNED -> Reason.IP_BANNED;
            default -> Reason.RATE_LIMITED;
        };
        return failure(reason, 0, 0, prefix + call.method() + ' ' + call.path() + " not sent: " + verdict, null, null);
    }

    private long retryAfterMs(final HttpResponse<byte[]> response) {
        final long seconds = header(response.headers(), "Retry-After");
        return seconds >= 0 ? seconds * 1_000 : defaultRetryAfter.toMillis();
    }

    /** A header's integer value, or -1 when it is absent or not an integer. */
    protected static long header(final HttpHeaders headers, final String name) {
        final String value = headers.firstValue(name).orElse(null);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (final NumberFormatException e) {
            return -1;
        }
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
