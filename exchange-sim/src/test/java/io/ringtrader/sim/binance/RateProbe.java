package io.ringtrader.sim.binance;

import io.ringtrader.sim.binance.gen.SyntheticMarket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A WebSocket client that only counts the text frames it receives (keeps nothing): for rate measurements. */
final class RateProbe implements WebSocket.Listener, AutoCloseable {
    private final AtomicLong frames = new AtomicLong();
    private WebSocket socket;

    static RateProbe connect(final BinanceSim sim, final String pathAndQuery) {
        final RateProbe probe = new RateProbe();
        probe.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
            .buildAsync(URI.create(sim.wsBaseUrl() + pathAndQuery), probe).orTimeout(10, TimeUnit.SECONDS).join();
        return probe;
    }

    @Override
    public CompletionStage<?> onText(final WebSocket ws, final CharSequence data, final boolean last) {
        if (last) {
            frames.incrementAndGet();
        }
        ws.request(1);
        return null;
    }

    long frames() {
        return frames.get();
    }

    /** Events generated and frames received per second over {@code window}, after {@code warmUp}. */
    Result measure(final SyntheticMarket gen, final Duration warmUp, final Duration window)
        throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(warmUp.toNanos());
        final long t0 = System.nanoTime();
        final long e0 = gen.eventsGenerated();
        final long f0 = frames();
        TimeUnit.NANOSECONDS.sleep(window.toNanos());
        final double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result((gen.eventsGenerated() - e0) / seconds, (frames() - f0) / seconds, gen.maxLagNanos());
    }

    /** Measured rates. */
    record Result(double eventsPerSecond, double framesPerSecond, long maxLagNanos) {
    }

    @Override
    public void close() {
        socket.abort();
    }
}
