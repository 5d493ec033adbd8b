package io.ringtrader.gateway.binance.ws;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import io.ringtrader.gateway.common.ws.ConnectionListener;
import io.ringtrader.gateway.common.ws.ConnectionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One {@link BinanceWsConnection} against a {@link WsTestServer}, on a client event loop of its own, recording the
 * frames and state changes it reports. Closing it closes the connection and stops the event loop.
 */
final class ClientHarness implements AutoCloseable {
    /** A state change as reported. */
    record Change(ConnectionState state, long delayNs, String reason, long atNs) {
    }

    final NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("ws-test-client", true));
    final List<String> frames = new CopyOnWriteArrayList<>();
    final List<Change> changes = new CopyOnWriteArrayList<>();
    final AtomicInteger continuityLosses = new AtomicInteger();
    final BinanceWsConnection connection;

    ClientHarness(final WsTestServer server, final BinanceStreams.Route route, final List<String> streams,
        final BinanceWsSettings settings) {
        connection = new BinanceWsConnection("test-" + route.name().toLowerCase(java.util.Locale.ROOT), server.baseUri(),
            route, streams, settings, group.next(), new SystemEpochNanoClock(), new SplittableRandom(42), this::onFrame,
            listener());
    }

    /** A user data stream connection reading its listen key from {@code listenKey}. */
    ClientHarness(final WsTestServer server, final java.util.function.Supplier<String> listenKey,
        final BinanceWsSettings settings) {
        connection = BinanceWsConnection.userStream("test-private", server.baseUri(), listenKey, settings, group.next(),
            new SystemEpochNanoClock(), new SplittableRandom(42), this::onFrame, listener());
    }

    private void onFrame(final org.agrona.DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
        frames.add(buffer.getStringWithoutLengthUtf8(offset, length));
    }

    private ConnectionListener listener() {
        return new ConnectionListener() {
            @Override
            public void onStateChange(final String name, final ConnectionState state, final long delayNs,
                final String reason) {
                changes.add(new Change(state, delayNs, reason, System.nanoTime()));
            }

            @Override
            public void onContinuityLost(final String name) {
                continuityLosses.incrementAndGet();
            }
        };
    }

    /** Test settings: short timings, everything else default. */
    static BinanceWsSettings.Builder fast() {
        return BinanceWsSettings.defaults().toBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .backoff(Duration.ofMillis(100), Duration.ofMillis(800), BinanceWsSettings.Jitter.EQUAL, Duration.ofSeconds(60));
    }

    List<ConnectionState> states() {
        final List<ConnectionState> states = new ArrayList<>();
        changes.forEach(change -> states.add(change.state()));
        return states;
    }

    List<Change> changes(final ConnectionState state) {
        return changes.stream().filter(change -> change.state() == state).toList();
    }

    void awaitState(final ConnectionState state, final int occurrences, final Duration timeout) {
        await(() -> changes(state).size() >= occurrences, timeout, () -> state + " x" + occurrences + " (seen " + states() + ")");
    }

    void awaitFrames(final int count, final Duration timeout) {
        await(() -> frames.size() >= count, timeout, () -> count + " frames (got " + frames.size() + ")");
    }

    /** Waits, sleeping 5 ms between looks, until the condition holds; fails after the timeout. */
    static void await(final BooleanSupplier condition, final Duration timeout, final java.util.function.Supplier<String> what) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            try {
                Thread.sleep(5);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close().get(5, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("connection did not close", e);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
