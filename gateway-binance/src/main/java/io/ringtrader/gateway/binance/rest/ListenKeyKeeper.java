package io.ringtrader.gateway.binance.rest;

import io.ringtrader.gateway.binance.user.ListenKeyExpiryListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the user data stream's listen key alive: creates it ({@code POST /fapi/v1/listenKey}), extends it every
 * {@code keepAliveInterval} (30 minutes by default; a key lives 60), and when a keepalive fails (e.g. {@code -1125}
 * "This listenKey does not exist") or the stream reports {@code listenKeyExpired} ({@link #onListenKeyExpired}),
 * creates a new one, retrying every {@code retryDelay} until it succeeds. Every new key goes to the
 * {@link Listener} (the WebSocket side then connects to {@code /private/ws?listenKey=KEY}). {@link #close()} stops
 * the keepalives and closes the stream ({@code DELETE}).
 *
 * <p>Runs on the REST client's timer and executor threads; {@link #onListenKeyExpired} may be called from the
 * user-stream IO thread (it only schedules work). Thread-safe.
 */
public final class ListenKeyKeeper implements ListenKeyExpiryListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ListenKeyKeeper.class);

    /** Told every new listen key (the first one and each replacement). Called on a REST thread; must not block. */
    @FunctionalInterface
    public interface Listener {
        void onListenKey(String listenKey);
    }

    private final BinanceRestClient client;
    private final Duration keepAliveInterval;
    private final Duration retryDelay;
    private final Listener listener;
    private final AtomicBoolean renewing = new AtomicBoolean();
    private volatile String listenKey;
    private volatile boolean closed;
    private volatile ScheduledFuture<?> keepAlives;
    private volatile long keepAlivesSent;
    private volatile long renewals;

    /**
     * @param client            the REST client (its timer schedules the keepalives).
     * @param keepAliveInterval between keepalives, e.g. 30 minutes.
     * @param retryDelay        between attempts to create a key after a failure.
     * @param listener          told each new key.
     */
    public ListenKeyKeeper(final BinanceRestClient client, final Duration keepAliveInterval, final Duration retryDelay,
        final Listener listener) {
        if (keepAliveInterval.isNegative() || keepAliveInterval.isZero() || retryDelay.isNegative() || retryDelay.isZero()) {
            throw new IllegalArgumentException("listen key keeper: intervals must be > 0: keepAlive=" + keepAliveInterval
                + ", retry=" + retryDelay);
        }
        this.client = client;
        this.keepAliveInterval = keepAliveInterval;
        this.retryDelay = retryDelay;
        this.listener = listener;
    }

    /** Creates the first key (asynchronously) and starts the keepalives. */
    public void start() {
        renew();
        final long intervalMs = keepAliveInterval.toMillis();
        keepAlives = client.scheduler().scheduleAtFixedRate(this::keepAlive, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    /** The current key, or null before the first one was created. */
    public String listenKey() {
        return listenKey;
    }

    /** Keepalives sent so far. */
    public long keepAlivesSent() {
        return keepAlivesSent;
    }

    /** Keys created after the first. */
    public long renewals() {
        return renewals;
    }

    /** The stream said the key expired: a new one is created. */
    @Override
    public void onListenKeyExpired(final long eventTimeMs) {
        LOG.warn("binance user stream: listen key expired (event time {}); creating a new one", eventTimeMs);
        renew();
    }

    private void keepAlive() {
        if (closed || listenKey == null || renewing.get()) {
            return;
        }
        keepAlivesSent++;
        client.keepAliveListenKey().whenComplete((response, error) -> {
            if (error != null) {
                LOG.warn("binance user stream: listen key keepalive failed ({}); creating a new key", error.getMessage());
                renew();
            }
        });
    }

    private void renew() {
        if (closed || !renewing.compareAndSet(false, true)) {
            return;
        }
        client.createListenKey().whenComplete((key, error) -> {
            if (error != null) {
                renewing.set(false);
                LOG.warn("binance user stream: creating a listen key failed ({}); retrying in {}", error.getMessage(), retryDelay);
                scheduleRetry();
                return;
            }
            final boolean replaced = listenKey != null;
            listenKey = key;
            if (replaced) {
                renewals++;
            }
            renewing.set(false);
            if (!closed) {
                try {
                    listener.onListenKey(key);
                } catch (final RuntimeException e) {
                    LOG.error("binance user stream: listen key listener failed", e);
                }
            }
        });
    }

    private void scheduleRetry() {
        if (closed) {
            return;
        }
        try {
            client.scheduler().schedule(this::renew, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final RejectedExecutionException e) {
            LOG.debug("binance user stream: client closed, no listen key retry");
        }
    }

    /** Stops the keepalives and closes the stream on the venue (best effort). */
    public CompletableFuture<Void> closeStream() {
        closed = true;
        final ScheduledFuture<?> task = keepAlives;
        if (task != null) {
            task.cancel(false);
        }
        if (listenKey == null) {
            return CompletableFuture.completedFuture(null);
        }
        return client.closeListenKey().handle((response, error) -> {
            if (error != null) {
                LOG.warn("binance user stream: closing the listen key failed: {}", error.getMessage());
            }
            return null;
        });
    }

    /** {@link #closeStream()} and waits up to 2 seconds for the venue's answer. */
    @Override
    public void close() {
        try {
            closeStream().get(2, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final Exception e) {
            LOG.warn("binance user stream: listen key not closed in time: {}", e.toString());
        }
    }
}
