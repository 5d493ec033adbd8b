package io.ringtrader.gateway.binance;

import io.ringtrader.engine.config.ConnectionConfig;
import io.ringtrader.engine.config.MarketStreamsConfig;
import io.ringtrader.engine.config.OnStopAction;
import io.ringtrader.engine.config.VenueConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.execution.VenueExposure;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.InboundProducer;
import io.ringtrader.engine.pipeline.InboundPublisher;
import io.ringtrader.engine.pipeline.VenueStage;
import io.ringtrader.gateway.binance.rest.BinanceOrderEntry;
import io.ringtrader.gateway.binance.rest.BinanceRestClient;
import io.ringtrader.gateway.binance.rest.BinanceRestConfig;
import io.ringtrader.gateway.binance.rest.BinanceStopActions;
import io.ringtrader.gateway.binance.rest.DepthSnapshotListener;
import io.ringtrader.gateway.binance.rest.ListenKeyKeeper;
import io.ringtrader.gateway.binance.rest.OpenInterestPoller;
import io.ringtrader.gateway.binance.user.ClientOrderIds;
import io.ringtrader.gateway.binance.user.PositionPublisher;
import io.ringtrader.gateway.binance.user.RequestedCancels;
import io.ringtrader.gateway.binance.user.UserStreamDecoder;
import io.ringtrader.gateway.binance.ws.BinanceMarketDataConnections;
import io.ringtrader.gateway.binance.ws.BinanceStreams;
import io.ringtrader.gateway.binance.ws.BinanceWsConnection;
import io.ringtrader.gateway.binance.ws.BinanceWsSettings;
import io.ringtrader.gateway.common.capture.RawSources;
import io.ringtrader.gateway.common.marketdata.GatewayStatusTranslator;
import io.ringtrader.gateway.common.marketdata.RingEventSink;
import io.ringtrader.gateway.common.ws.ConnectionListener;
import io.ringtrader.gateway.common.ws.ConnectionState;
import io.ringtrader.recorder.RawFrameWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Binance USDⓈ-M gateway: one inbound producer that connects the configured market streams of every Binance
 * instrument over WebSocket ({@code /public}, {@code /market}), keeps each book in sync with REST snapshots (or, with
 * {@code streams.depthLevels} 5, 10 or 20, from the partial book depth stream, without snapshots), polls open
 * interest, and, with credentials, opens the user data stream ({@code /private}); and, for live trading, the venue
 * stage that sends accepted order commands over signed REST ({@link #orderEntry}).
 *
 * <p>Threads: every WebSocket frame, REST snapshot body and connection transition is handled on the one IO thread
 * ({@code binance-ws-io}): the decoders, the book syncs and the raw-frame journal are single-threaded there and
 * share one ring sink. Open interest is published from the REST timer thread and order-entry reports from REST
 * threads, each through a sink of its own. Nothing runs on a ring thread except the order entry's hand-off.
 *
 * <p>Transitions become {@link EventKind#GATEWAY_STATUS} events: {@link GatewayStatus#CONNECTED} /
 * {@link GatewayStatus#DISCONNECTED} per connection (instrument -1, detail = connection number), and the book
 * syncs' and partial books' {@code BOOK_INVALID} / {@code BOOK_RESYNCED}. A lost connection invalidates the books it
 * fed at once.
 *
 * <p>Each gateway is one session on the venue: its {@link ClientOrderIds} (the engine session's tag, or one of its own
 * from the clock when it is built, plus a random salt) name the orders it sends ({@code rt-<tag>-<n>}) and tell them
 * from other sessions' on the user stream.
 */
public final class BinanceGateway implements InboundProducer {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceGateway.class);
    /** A user stream may be quiet for long: only the venue's own pings (every 3 min) prove it alive. */
    private static final Duration USER_STREAM_IDLE = Duration.ofMinutes(10);
    private static final Duration LISTEN_KEY_KEEPALIVE = Duration.ofMinutes(30);
    private static final Duration LISTEN_KEY_RETRY = Duration.ofSeconds(5);
    /** Least time between two snapshot requests of one instrument (a failing venue is not hammered). */
    private static final long SNAPSHOT_RETRY_NS = TimeUnit.SECONDS.toNanos(1);
    private static final int DETAIL_USER_STREAM = 100;

    private final VenueConfig venue;
    private final InstrumentRegistry instruments;
    private final int levelsPerSlot;
    private final EpochNanoClock clock;
    private final DistinctErrorHandler errors;
    private final RawFrameWriter raw;
    private final MarketDataSettings marketDataSettings;
    private final BinanceRestClient rest;
    private final ClientOrderIds clientOrderIds;
    private final RequestedCancels requestedCancels = new RequestedCancels();
    private final boolean userStreamWanted;
    private final boolean orderEntryWanted;
    private final AtomicLongArray lastSnapshotRequestNs;
    private final UnsafeBuffer snapshotBuffer = new UnsafeBuffer(new byte[0]);
    private final ConnectionStatus connectionStatus = new ConnectionStatus();

    private BinanceMarketDataConnections connections;
    private BinanceFrameDecoder decoder;
    private UserStreamDecoder userDecoder;
    private ListenKeyKeeper listenKeys;
    private BinanceWsConnection userConnection;
    private OpenInterestPoller openInterest;
    private RingEventSink ioSink;
    private volatile BinanceOrderEntry orderEntry;
    private volatile boolean stopped;

    /**
     * @param venue         the {@code venues.binance} config: URLs, credentials, streams (depth speed and levels: full
     *                      book or partial), connection settings.
     * @param instruments   every instrument; the Binance ones are connected.
     * @param levelsPerSlot the inbound ring's {@code levelsPerSlot}.
     * @param clock         stamps receive times (the engine's clock).
     * @param errors        counts and reports problems.
     * @param raw           journals raw frames and snapshot bodies ({@code journal.recordRaw}); null for none. Opened
     *                      and used on the IO thread.
     * @param orderEntry    live trading: open the user stream and provide {@link #orderEntry} (needs credentials).
     */
    public BinanceGateway(final VenueConfig venue, final InstrumentRegistry instruments, final int levelsPerSlot,
        final EpochNanoClock clock, final DistinctErrorHandler errors, final RawFrameWriter raw, final boolean orderEntry) {
        this(venue, instruments, levelsPerSlot, clock, errors, raw, orderEntry,
            ClientOrderIds.newSession(TimeUnit.NANOSECONDS.toMillis(clock.nanoTime())).tag());
    }

    /**
     * A gateway whose orders carry the engine session's tag ({@code rt-<sessionTag>-<n>}), the one the session journal
     * records; otherwise as {@link #BinanceGateway(VenueConfig, InstrumentRegistry, int, EpochNanoClock,
     * DistinctErrorHandler, RawFrameWriter, boolean)}, which makes a tag of its own.
     *
     * @param sessionTag 1 to {@value ClientOrderIds#MAX_TAG_LENGTH} of {@code [0-9a-z]}.
     */
    public BinanceGateway(final VenueConfig venue, final InstrumentRegistry instruments, final int levelsPerSlot,
        final EpochNanoClock clock, final DistinctErrorHandler errors, final RawFrameWriter raw, final boolean orderEntry,
        final String sessionTag) {
        final boolean credentials = !venue.apiKey().isEmpty() && !venue.apiSecret().isEmpty();
        if (orderEntry && !credentials) {
            throw new IllegalArgumentException("venues.binance: live order entry needs apiKey and apiSecret");
        }
        if (binanceInstruments(instruments).isEmpty()) {
            throw new IllegalArgumentException("venues.binance is enabled but no instrument has venue: binance");
        }
        this.venue = venue;
        this.instruments = instruments;
        this.levelsPerSlot = levelsPerSlot;
        this.clock = clock;
        this.errors = errors;
        this.raw = raw;
        this.marketDataSettings = marketDataSettings(venue.streams());
        this.userStreamWanted = credentials && venue.connection().userStream();
        this.orderEntryWanted = orderEntry;
        this.clientOrderIds = new ClientOrderIds(sessionTag);
        this.lastSnapshotRequestNs = new AtomicLongArray(instruments.count());
        final ConnectionConfig connection = venue.connection();
        final BinanceRestConfig restConfig = BinanceRestConfig.builder(URI.create(venue.restUrl()),
                credentials ? venue.apiKey().reveal() : "", credentials ? venue.apiSecret().reveal() : "")
            .recvWindowMs(connection.recvWindow().toMillis())
            .requestTimeout(connection.requestTimeout())
            .ioThreads(1)
            .build();
        this.rest = new BinanceRestClient(restConfig, (retryAfterMs, message) ->
            errors.onProblem(ErrorKind.PRODUCER, "binance: IP banned (HTTP 418), order entry stopped: " + message));
    }

    /**
     * The stream names this gateway subscribes to for its instruments, per {@code venues.binance.streams}: depth diffs
     * ({@code btcusdt@depth@100ms}) or, with {@code depthLevels} 5, 10 or 20, the partial book
     * ({@code btcusdt@depth20@100ms}).
     */
    public static List<String> streams(final MarketStreamsConfig config, final InstrumentRegistry instruments) {
        final List<String> streams = new ArrayList<>();
        for (final Instrument instrument : binanceInstruments(instruments)) {
            final String symbol = instrument.symbol();
            final String depth = depthStream(config, symbol);
            if (depth != null) {
                streams.add(depth);
            }
            if (config.bookTicker()) {
                streams.add(BinanceStreams.bookTicker(symbol));
            }
            if (config.trades()) {
                streams.add(BinanceStreams.aggTrade(symbol));
            }
            for (final MarketStreamsConfig.KlineInterval interval : config.klines()) {
                streams.add(BinanceStreams.kline(symbol, interval.configName()));
            }
            if (config.markPrice()) {
                streams.add(BinanceStreams.markPrice(symbol));
            }
        }
        return List.copyOf(streams);
    }

    /** The stream that feeds {@code symbol}'s book per {@code config} (diffs or the partial book), or null for none. */
    private static String depthStream(final MarketStreamsConfig config, final String symbol) {
        final int speedMs = switch (config.depth()) {
            case OFF -> 0;
            case MS_100 -> 100;
            case MS_250 -> 250;
            case MS_500 -> 500;
        };
        if (speedMs == 0) {
            return null;
        }
        return config.depthLevels().partial()
            ? BinanceStreams.partialDepth(symbol, config.depthLevels().levels(), speedMs)
            : BinanceStreams.depth(symbol, speedMs);
    }

    /**
     * The ids of the instruments whose book each connection feeds (its streams include their depth stream), by
     * connection name; connections that feed no book are absent.
     */
    static Map<String, int[]> booksFedBy(final List<BinanceWsConnection> connections, final MarketStreamsConfig config,
        final InstrumentRegistry instruments) {
        final Map<String, int[]> fed = new HashMap<>();
        for (final BinanceWsConnection connection : connections) {
            final List<Integer> ids = new ArrayList<>();
            for (final Instrument instrument : binanceInstruments(instruments)) {
                final String depth = depthStream(config, instrument.symbol());
                if (depth != null && connection.streams().contains(depth)) {
                    ids.add(instrument.id());
                }
            }
            if (!ids.isEmpty()) {
                fed.put(connection.name(), ids.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return fed;
    }

    @Override
    public String name() {
        return "binance";
    }

    /**
     * The venue stage for live trading: sends accepted commands of Binance instruments over signed REST and publishes
     * the outcomes through {@code publisher} (from REST threads). Pass to {@code Pipeline.Builder.venue}.
     */
    public VenueStage orderEntry(final InboundPublisher publisher) {
        if (!orderEntryWanted) {
            throw new IllegalStateException("binance gateway built without order entry");
        }
        final BinanceOrderEntry entry = new BinanceOrderEntry(rest, clientOrderIds, instruments,
            new RingEventSink(publisher, levelsPerSlot, RingEventSink.Mode.WAIT), clock, errors, requestedCancels);
        orderEntry = entry;
        return entry;
    }

    /** The live order entry, once {@link #orderEntry} built it; null before or without one. */
    public BinanceOrderEntry liveOrderEntry() {
        return orderEntry;
    }

    /**
     * At the session's stop, once the rings drained and this gateway stopped: takes {@code action} about the orders and
     * positions the account still has on Binance, over REST, and lists what is still open there
     * ({@link BinanceStopActions}). Blocks the calling (session) thread for the requests. After the venue refused our
     * credentials (order entry halted) it sends none: each would be refused alike.
     *
     * @throws IllegalStateException for a gateway that does not trade live.
     */
    public VenueExposure atStop(final OnStopAction action) {
        if (!orderEntryWanted) {
            throw new IllegalStateException("binance gateway built without order entry: nothing of ours on the venue");
        }
        final BinanceOrderEntry entry = orderEntry;
        if (entry != null && entry.isHalted()) {
            // Every signed request would be refused the same way: say so once rather than fail each.
            return new VenueExposure("binance", action, List.of(), List.of(), List.of(), List.of("nothing done or "
                + "listed: the venue refused our credentials or permissions (code " + entry.haltCode() + "); check its "
                + "open orders and positions by hand"));
        }
        return new BinanceStopActions(rest.config(), binanceInstruments(instruments), clientOrderIds).run(action);
    }

    @Override
    public void start(final InboundPublisher publisher) {
        final List<String> streams = streams(venue.streams(), instruments);
        ioSink = new RingEventSink(publisher, levelsPerSlot, RingEventSink.Mode.TRY);
        decoder = new BinanceFrameDecoder(instruments, ioSink, this::requestSnapshot, errors, marketDataSettings);
        rest.syncTime().whenComplete((offsetMs, error) -> {
            if (error != null) {
                errors.onProblem(ErrorKind.PRODUCER, "binance: server time not synced: " + error.getMessage());
            } else {
                LOG.info("binance: server time offset {} ms", offsetMs);
            }
        });
        connections = new BinanceMarketDataConnections(URI.create(venue.wsUrl()), streams, wsSettings(venue.connection()),
            clock, new SplittableRandom(), this::onMarketFrame, connectionStatus);
        connectionStatus.feeds(booksFedBy(connections.connections(), venue.streams(), instruments));
        if (raw != null) {
            connections.execute(raw::open);
        }
        if (userStreamWanted) {
            userDecoder = new UserStreamDecoder(instruments, ioSink, new PositionPublisher(ioSink, clock), this::onListenKeyExpired,
                errors, clientOrderIds, orderEntryWanted, requestedCancels);
            listenKeys = new ListenKeyKeeper(rest, LISTEN_KEY_KEEPALIVE, LISTEN_KEY_RETRY, key -> connections.execute(this::onListenKey));
        }
        connections.start();
        if (listenKeys != null) {
            listenKeys.start();
        }
        if (!venue.streams().openInterestInterval().isZero()) {
            openInterest = new OpenInterestPoller(rest, instruments,
                new RingEventSink(publisher, levelsPerSlot, RingEventSink.Mode.TRY), clock,
                venue.streams().openInterestInterval(), errors);
            openInterest.start();
        }
        LOG.info("binance: {} streams of {} instruments from {}, REST {}{}", streams.size(),
            binanceInstruments(instruments).size(), venue.wsUrl(), venue.restUrl(),
            userStreamWanted ? ", user data stream on" : "");
        if (orderEntryWanted || userStreamWanted) {
            LOG.info("binance: client order ids on the venue: {}", clientOrderIds.pattern());
        }
    }

    @Override
    public void stop() {
        stopped = true;
        if (openInterest != null) {
            openInterest.close();
        }
        if (listenKeys != null) {
            try {
                listenKeys.closeStream().get(2, TimeUnit.SECONDS);
            } catch (final Exception e) {
                LOG.warn("binance: listen key not closed: {}", e.toString());
            }
            listenKeys.close();
        }
        if (connections != null) {
            if (raw != null) {
                connections.execute(raw::close);
            }
            connections.close();
        }
        rest.close();
        if (decoder != null) {
            LOG.info("binance: {} frames, {} snapshots, {} decode errors, {} ignored; {}", decoder.frames(),
                decoder.snapshots(), decoder.decodeErrors(), decoder.ignored(), syncSummary());
        }
        if (userDecoder != null) {
            LOG.info("binance user stream: {} frames, {} reports, {} decode errors; {} updates of foreign orders, {} of "
                + "other sessions' orders (this session's are {})", userDecoder.frames(), userDecoder.published(),
                userDecoder.decodeErrors(), userDecoder.foreignOrders(), userDecoder.otherSessionOrders(),
                clientOrderIds.pattern());
        }
    }

    /** What the market-data decoder is built with for {@code streams}: kline updates, full or partial books. */
    static MarketDataSettings marketDataSettings(final MarketStreamsConfig streams) {
        final boolean partial = streams.depth() != MarketStreamsConfig.DepthSpeed.OFF && streams.depthLevels().partial();
        return MarketDataSettings.defaults()
            .withPublishKlineUpdates(streams.klineUpdates())
            .withPartialDepthLevels(partial ? streams.depthLevels().levels() : 0);
    }

    /** The REST client (rate-limit state, time offset). */
    public BinanceRestClient rest() {
        return rest;
    }

    /** This session's client order ids on the venue ({@code rt-<tag>-<n>}). */
    public ClientOrderIds clientOrderIds() {
        return clientOrderIds;
    }

    /** True when this gateway trades live ({@link #orderEntry} available). */
    public boolean tradesLive() {
        return orderEntryWanted;
    }

    /** The user-stream decoder (counters, approximate while running); null before {@link #start} or without one. */
    public UserStreamDecoder userStreamDecoder() {
        return userDecoder;
    }

    /** The market-data decoder; read its counters from any thread (approximate while running). */
    public BinanceFrameDecoder decoder() {
        return decoder;
    }

    /** The market connections (states, counters); null before {@link #start}. */
    public BinanceMarketDataConnections connections() {
        return connections;
    }

    private String syncSummary() {
        final StringBuilder text = new StringBuilder();
        for (final Instrument instrument : binanceInstruments(instruments)) {
            final int id = instrument.id();
            text.append(instrument.symbol()).append(' ')
                .append(marketDataSettings.partialDepth() ? decoder.partialBook(id) : decoder.sync(id)).append(' ');
        }
        return text.toString().trim();
    }

    // ------------------------------------------------------------------ IO thread

    private void onMarketFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
        if (raw != null) {
            raw.append(receiveTimeNs, RawSources.MARKET_FRAME, buffer, offset, length);
        }
        decoder.onFrame(buffer, offset, length, receiveTimeNs);
    }

    private void onUserFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
        if (raw != null) {
            raw.append(receiveTimeNs, RawSources.USER_FRAME, buffer, offset, length);
        }
        userDecoder.onFrame(buffer, offset, length, receiveTimeNs);
    }

    /**
     * The sync asked for a snapshot (IO thread): fetch it over REST, at most once a second per instrument. Partial
     * books need none: a diff the gateway did not subscribe to (an injected frame) costs no REST weight.
     */
    private void requestSnapshot(final int instrumentId) {
        if (marketDataSettings.partialDepth()) {
            return;
        }
        final long nowNs = System.nanoTime();
        final long waitNs = lastSnapshotRequestNs.get(instrumentId) + SNAPSHOT_RETRY_NS - nowNs;
        if (lastSnapshotRequestNs.get(instrumentId) != 0 && waitNs > 0) {
            rest.scheduler().schedule(() -> sendSnapshotRequest(instrumentId), waitNs, TimeUnit.NANOSECONDS);
        } else {
            sendSnapshotRequest(instrumentId);
        }
    }

    private void sendSnapshotRequest(final int instrumentId) {
        if (stopped) {
            return;
        }
        lastSnapshotRequestNs.set(instrumentId, System.nanoTime());
        rest.requestDepthSnapshot(instruments.byId(instrumentId), snapshots);
    }

    private final DepthSnapshotListener snapshots = new DepthSnapshotListener() {
        @Override
        public void onSnapshot(final int instrumentId, final byte[] body) {
            execute(() -> {
                final long receiveTimeNs = clock.nanoTime();
                if (raw != null) {
                    raw.append(receiveTimeNs, RawSources.snapshot(instrumentId), body, 0, body.length);
                }
                snapshotBuffer.wrap(body);
                decoder.onSnapshot(instrumentId, snapshotBuffer, 0, body.length, receiveTimeNs);
            });
        }

        @Override
        public void onSnapshotFailed(final int instrumentId, final Throwable error) {
            errors.onProblem(ErrorKind.PRODUCER, "binance: depth snapshot request failed: " + rootMessage(error));
            execute(() -> decoder.sync(instrumentId).onSnapshotFailed());
        }
    };

    private void onListenKey() {
        if (stopped) {
            return;
        }
        if (userConnection == null) {
            userConnection = connections.startUserStream(listenKeys::listenKey, userStreamSettings(venue.connection()),
                new SplittableRandom(), this::onUserFrame, connectionStatus);
        } else {
            userConnection.reconnectNow("listen key renewed");
        }
    }

    private void onListenKeyExpired(final long eventTimeMs) {
        LOG.warn("binance: listen key expired (event time {}); renewing", eventTimeMs);
        listenKeys.onListenKeyExpired(eventTimeMs);
    }

    private void execute(final Runnable task) {
        if (!stopped) {
            connections.execute(task);
        }
    }

    /**
     * Connection transitions to GATEWAY_STATUS events and book invalidation; IO thread. A connection that feeds books
     * (their depth streams) invalidates them the moment it is lost (socket closed, idle timeout after an unanswered
     * probe ping, a failed handshake), not when it reconnects: risk must not trade on a book nobody updates. The
     * reconnect's (or an unmatched rotation's) continuity loss invalidates them again, so nothing buffered or held
     * from before the gap is applied after it.
     */
    private final class ConnectionStatus implements ConnectionListener {
        private final GatewayStatusTranslator status = new GatewayStatusTranslator(Venue.BINANCE_USDM.id());
        /** Instrument ids of the books each connection feeds; set once in {@link #start}, before any callback. */
        private Map<String, int[]> fedBooks = Map.of();
        /** The connections reported CONNECTED and not lost since. */
        private final Set<String> connected = new HashSet<>();

        void feeds(final Map<String, int[]> fedBooks) {
            this.fedBooks = Map.copyOf(fedBooks);
        }

        @Override
        public void onStateChange(final String connection, final ConnectionState state, final long delayNs,
            final String reason) {
            if (state == ConnectionState.CONNECTED) {
                connected.add(connection);
                publish(GatewayStatus.CONNECTED, connection);
            } else if (state == ConnectionState.DISCONNECTED) {
                publish(GatewayStatus.DISCONNECTED, connection);
                if (connected.remove(connection)) {
                    invalidateBooksFedBy(connection);
                }
            }
        }

        @Override
        public void onContinuityLost(final String connection) {
            invalidateBooksFedBy(connection);
        }

        private void invalidateBooksFedBy(final String connection) {
            final int[] ids = fedBooks.get(connection);
            if (ids == null) {
                return;
            }
            final long nowNs = clock.nanoTime();
            for (final int id : ids) {
                decoder.onStreamInterrupted(id, nowNs);
            }
        }

        private void publish(final GatewayStatus gatewayStatus, final String connection) {
            if (!status.publish(ioSink, -1, gatewayStatus, detail(connection), clock.nanoTime())) {
                errors.onProblem(ErrorKind.PRODUCER, "binance: connection status not published (ring full)");
            }
        }

        /** public-N → N, market-N → 1000 + N, the user stream → 100. */
        private int detail(final String connection) {
            final int dash = connection.lastIndexOf('-');
            final int number = dash < 0 ? 0 : Integer.parseInt(connection.substring(dash + 1));
            if (connection.startsWith("private")) {
                return DETAIL_USER_STREAM + number;
            }
            return connection.startsWith("market") ? 1_000 + number : number;
        }
    }

    static BinanceWsSettings wsSettings(final ConnectionConfig config) {
        final BinanceWsSettings defaults = BinanceWsSettings.defaults();
        final Duration handover = config.rotateAfter().compareTo(defaults.handoverTimeout().multipliedBy(2)) > 0
            ? defaults.handoverTimeout() : config.rotateAfter().dividedBy(2);
        return defaults.toBuilder()
            .idleTimeout(config.idleTimeout(), true)
            .backoff(config.reconnectInitialBackoff(), config.reconnectMaxBackoff(), BinanceWsSettings.Jitter.EQUAL,
                defaults.stableAfter())
            .rotation(config.rotateAfter(), handover)
            .maxMessagesPerSecond(config.maxMessagesPerSecond())
            .build();
    }

    private static BinanceWsSettings userStreamSettings(final ConnectionConfig config) {
        final BinanceWsSettings market = wsSettings(config);
        return market.toBuilder()
            .idleTimeout(config.idleTimeout().compareTo(USER_STREAM_IDLE) > 0 ? config.idleTimeout() : USER_STREAM_IDLE, true)
            .build();
    }

    private static List<Instrument> binanceInstruments(final InstrumentRegistry instruments) {
        final List<Instrument> result = new ArrayList<>();
        for (final Instrument instrument : instruments.instruments()) {
            if (instrument.venue() == Venue.BINANCE_USDM) {
                result.add(instrument);
            }
        }
        return result;
    }

    private static String rootMessage(final Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
