package io.ringtrader.gateway.binance.ws;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ringtrader.gateway.common.ws.ConnectionListener;
import io.ringtrader.gateway.common.ws.FrameListener;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.agrona.concurrent.EpochNanoClock;

/**
 * The gateway's market-data sockets: takes the wanted streams, groups them by route ({@code /public},
 * {@code /market}), splits each group into connections of at most {@code maxStreamsPerConnection} streams, and runs
 * them all on one IO thread of its own ({@code binance-ws-io}), which calls the {@link FrameListener} and
 * {@link ConnectionListener}.
 *
 * <p>Usage: {@code new BinanceMarketDataConnections(base, streams, settings, clock, random, decoder::onFrame,
 * listener).start()}; {@link #close()} stops the sockets and the IO thread. Thread-safe to start and close from any
 * thread; the listeners run on the IO thread only.
 */
public final class BinanceMarketDataConnections implements AutoCloseable {
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final URI baseUri;
    private final EpochNanoClock clock;
    private final List<BinanceWsConnection> connections;
    private volatile BinanceWsConnection userStream;

    /**
     * @param baseUri  {@code wss://host} of the venue (or {@code ws://127.0.0.1:port} of a simulator).
     * @param streams  stream names ({@link BinanceStreams}); duplicates are subscribed once.
     * @param settings limits and timings.
     * @param clock    stamps frames.
     * @param random   draws backoff jitter.
     * @param frames   receives every data frame, on the IO thread.
     * @param listener receives state changes, on the IO thread.
     */
    public BinanceMarketDataConnections(final URI baseUri, final List<String> streams, final BinanceWsSettings settings,
        final EpochNanoClock clock, final RandomGenerator random, final FrameListener frames,
        final ConnectionListener listener) {
        final Map<BinanceStreams.Route, List<List<String>>> plan = plan(streams, settings.maxStreamsPerConnection());
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("binance-ws-io", true));
        this.loop = group.next();
        this.baseUri = baseUri;
        this.clock = clock;
        final List<BinanceWsConnection> created = new ArrayList<>();
        for (final Map.Entry<BinanceStreams.Route, List<List<String>>> route : plan.entrySet()) {
            final List<List<String>> chunks = route.getValue();
            for (int i = 0; i < chunks.size(); i++) {
                final String name = route.getKey().name().toLowerCase(java.util.Locale.ROOT) + "-" + i;
                created.add(new BinanceWsConnection(name, baseUri, route.getKey(), chunks.get(i), settings, loop, clock,
                    random, frames, listener));
            }
        }
        this.connections = List.copyOf(created);
    }

    /**
     * Groups streams by route, in the order given, and splits each group into chunks of at most
     * {@code maxStreamsPerConnection}.
     *
     * @throws IllegalArgumentException for an empty list or a stream without a market-data route.
     */
    public static Map<BinanceStreams.Route, List<List<String>>> plan(final List<String> streams,
        final int maxStreamsPerConnection) {
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("no streams wanted");
        }
        final Map<BinanceStreams.Route, List<String>> byRoute = new EnumMap<>(BinanceStreams.Route.class);
        for (final String stream : new LinkedHashSet<>(streams)) {
            final BinanceStreams.Route route = BinanceStreams.route(stream);
            byRoute.computeIfAbsent(route, r -> new ArrayList<>()).add(stream);
        }
        final Map<BinanceStreams.Route, List<List<String>>> plan = new EnumMap<>(BinanceStreams.Route.class);
        for (final Map.Entry<BinanceStreams.Route, List<String>> entry : byRoute.entrySet()) {
            final List<String> all = entry.getValue();
            final List<List<String>> chunks = new ArrayList<>();
            for (int from = 0; from < all.size(); from += maxStreamsPerConnection) {
                chunks.add(List.copyOf(all.subList(from, Math.min(all.size(), from + maxStreamsPerConnection))));
            }
            plan.put(entry.getKey(), List.copyOf(chunks));
        }
        return plan;
    }

    /** Connects every connection. */
    public void start() {
        connections.forEach(BinanceWsConnection::start);
    }

    public List<BinanceWsConnection> connections() {
        return connections;
    }

    /**
     * Opens the user data stream ({@link BinanceWsConnection#userStream}) on the same IO thread, so market and user
     * frames are handled by one thread; closed with the others. At most one.
     *
     * @param listenKey the current listen key, read at every connect.
     */
    public synchronized BinanceWsConnection startUserStream(final Supplier<String> listenKey, final BinanceWsSettings settings,
        final RandomGenerator random, final FrameListener frames, final ConnectionListener listener) {
        if (userStream != null) {
            throw new IllegalStateException("the user stream is already open");
        }
        userStream = BinanceWsConnection.userStream("private-0", baseUri, listenKey, settings, loop, clock, random, frames,
            listener);
        userStream.start();
        return userStream;
    }

    /** The user data stream connection, or null. */
    public BinanceWsConnection userStream() {
        return userStream;
    }

    /** Runs {@code task} on the IO thread (e.g. a REST snapshot body that must reach the decoder there). */
    public void execute(final Runnable task) {
        loop.execute(task);
    }

    /** Closes every connection (waiting up to 5 s for their close handshakes), then stops the IO thread. */
    @Override
    public void close() {
        final List<BinanceWsConnection> all = new ArrayList<>(connections);
        if (userStream != null) {
            all.add(userStream);
        }
        final CompletableFuture<?>[] closing = all.stream().map(BinanceWsConnection::close)
            .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(5, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // closing anyway: the IO thread's shutdown closes what is left
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
