package io.ringtrader.sim.binance;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fault injection for tests: gaps in the depth chain, dropped or silent sockets, slow snapshots, REST errors,
 * raw frames and expired listenKeys. Every method is thread-safe and takes effect at once.
 */
public final class BinanceFaults {
    private final StreamHub hub;
    private final BinanceMarket market;
    private final UserDataStreams userStreams;
    private final Map<String, RestFailure> restFailures = new ConcurrentHashMap<>();
    private volatile long depthDelayNanos;

    BinanceFaults(final StreamHub hub, final BinanceMarket market, final UserDataStreams userStreams) {
        this.hub = hub;
        this.market = market;
        this.userStreams = userStreams;
    }

    /** The next depth diff of {@code symbol} changes the book but is not sent: the next {@code pu} != last sent {@code u}. */
    public void dropNextDepthDiff(final String symbol) {
        market.dropNextDepthDiff(symbol);
    }

    /** Closes every WebSocket connection (close frame 1001, then the socket). */
    public void closeAllConnections() {
        hub.closeAll(null);
    }

    /** Closes the WebSocket connections of one route. */
    public void closeConnections(final WsRoute route) {
        hub.closeAll(route);
    }

    /** Stops (true) or resumes (false) sending anything on a route, pongs and server pings included; sockets stay open. */
    public void silence(final WsRoute route, final boolean silent) {
        hub.silence(route, silent);
    }

    /** Delays every {@code GET /fapi/v1/depth} answer by {@code delay} (zero: no delay). */
    public void delayDepthSnapshots(final Duration delay) {
        depthDelayNanos = delay.toNanos();
    }

    long depthDelayNanos() {
        return depthDelayNanos;
    }

    /**
     * The next {@code count} REST calls of {@code path} (e.g. {@code /fapi/v1/order}) answer {@code httpStatus}:
     * 429 or 418 with {@code Retry-After} and code -1003, 503 with code -1000. A failed {@code POST /fapi/v1/order}
     * is still placed (the venue's "unknown execution status"); other failed calls do nothing.
     */
    public void failNextRest(final String path, final int count, final int httpStatus) {
        if (httpStatus != 429 && httpStatus != 418 && httpStatus != 503) {
            throw new IllegalArgumentException("httpStatus must be 429, 418 or 503, got " + httpStatus);
        }
        if (count <= 0) {
            restFailures.remove(path);
        } else {
            restFailures.put(path, new RestFailure(count, httpStatus));
        }
    }

    /** The status the next call of {@code path} must fail with, or 0; consumes one failure. */
    int takeRestFailure(final String path) {
        final int[] out = new int[1];
        restFailures.computeIfPresent(path, (k, f) -> {
            out[0] = f.httpStatus;
            return f.remaining > 1 ? new RestFailure(f.remaining - 1, f.httpStatus) : null;
        });
        return out[0];
    }

    /** Sends {@code text} as a text frame, unwrapped, to every connection of {@code route}. */
    public void injectFrame(final WsRoute route, final String text) {
        hub.injectRaw(route, text);
    }

    /** Expires a listenKey now ({@code listenKeyExpired} goes out on its sockets). */
    public void expireListenKey(final String listenKey) {
        userStreams.expireNow(listenKey);
    }

    private static final class RestFailure {
        final int remaining;
        final int httpStatus;

        RestFailure(final int remaining, final int httpStatus) {
            this.remaining = remaining;
            this.httpStatus = httpStatus;
        }
    }
}
