package io.ringtrader.sim.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ringtrader.sim.SimClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback Binance USDⓈ-M futures venue: one Netty server on 127.0.0.1 serving the REST API and the routed
 * WebSocket endpoints ({@code /public}, {@code /market}, {@code /private}, each as {@code /ws} raw or
 * {@code /stream?streams=} combined). Tests drive it through {@link #market()}, inspect it through
 * {@link #account()} and {@link #hub()}, and break it through {@link #faults()}.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} any number of times. Two IO threads (daemon); every
 * public method is thread-safe.
 */
public final class BinanceSim implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceSim.class);

    private final BinanceSimConfig config;
    private final ObjectMapper mapper = new ObjectMapper();
    private final StreamHub hub = new StreamHub();
    private final BinanceMarket market;
    private final UserDataStreams userStreams;
    private final BinanceAccount account;
    private final BinanceRestApi restApi;
    private final BinanceFaults faults;
    /** REST calls received, by {@code "METHOD /path"}, whatever their answer. */
    private final ConcurrentHashMap<String, LongAdder> restCalls = new ConcurrentHashMap<>();
    private EventLoopGroup group;
    private Channel serverChannel;
    private int port = -1;
    private boolean closed;

    /** Builds the venue state; nothing is bound until {@link #start()}. */
    public BinanceSim(final BinanceSimConfig config) {
        this.config = config;
        final Object lock = new Object();
        this.market = new BinanceMarket(lock, hub, config);
        this.userStreams = new UserDataStreams(hub, config.clock(), config.listenKeyValidity());
        this.account = new BinanceAccount(market, userStreams, config, mapper);
        this.market.listener(account);
        this.restApi = new BinanceRestApi(config, market, account, userStreams, mapper);
        this.faults = new BinanceFaults(hub, market, userStreams);
    }

    /** Binds 127.0.0.1 on an ephemeral port. */
    public BinanceSim start() {
        return start(0);
    }

    /** Binds 127.0.0.1 on {@code port} (0: ephemeral). Blocks until bound. */
    public synchronized BinanceSim start(final int port) {
        if (group != null || closed) {
            throw new IllegalStateException("BinanceSim can be started once; started=" + (group != null)
                + " closed=" + closed);
        }
        group = new NioEventLoopGroup(2, new DefaultThreadFactory("binance-sim-io", true));
        final ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel ch) {
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                        new BinanceHttpHandler(BinanceSim.this));
                }
            });
        try {
            serverChannel = b.bind(new InetSocketAddress("127.0.0.1", port)).syncUninterruptibly().channel();
        } catch (final RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot bind 127.0.0.1:" + port, e);
        }
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        group.next().scheduleAtFixedRate(this::housekeeping, 1, 1, TimeUnit.SECONDS);
        group.next().scheduleAtFixedRate(this::flushTick, BinanceMarket.FLUSH_TIMER_MS,
            BinanceMarket.FLUSH_TIMER_MS, TimeUnit.MILLISECONDS);
        LOG.info("Binance sim listening on 127.0.0.1:{} with {}", this.port, config.symbols());
        return this;
    }

    /**
     * Every 50 ms (one timer thread): sends the periodic frames whose period of venue time has ended (aggregated diffs,
     * partial books, klines, mark prices), so they go out even when nothing else changes.
     */
    private void flushTick() {
        try {
            market.flushDueNow();
        } catch (final RuntimeException e) {
            LOG.error("periodic stream flush failed", e);
        }
    }

    /** Once a second: expire listenKeys. */
    private void housekeeping() {
        try {
            userStreams.expireDue();
        } catch (final RuntimeException e) {
            LOG.error("sim housekeeping failed", e);
        }
    }

    /** The bound port; -1 before {@link #start()}. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String restBaseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code ws://127.0.0.1:PORT}; append {@code /public/stream?streams=...} and friends. */
    public String wsBaseUrl() {
        return "ws://127.0.0.1:" + port;
    }

    /** The settings this sim runs with. */
    public BinanceSimConfig config() {
        return config;
    }

    /** Venue time (offset, freeze, advance it from tests). */
    public SimClock clock() {
        return config.clock();
    }

    /** Programmatic market data: book diffs, trades, mark price, open interest. */
    public BinanceMarket market() {
        return market;
    }

    /** The simulated account: positions, PnL, balance. */
    public BinanceAccount account() {
        return account;
    }

    /** Connections, subscriptions and the records tests assert on (rate-limit violations, pongs). */
    public StreamHub hub() {
        return hub;
    }

    /** listenKeys and user-data delivery. */
    public UserDataStreams userStreams() {
        return userStreams;
    }

    /** Fault injection. */
    public BinanceFaults faults() {
        return faults;
    }

    /** REST calls received for {@code method} and {@code path} (e.g. {@code POST}, {@code /fapi/v1/order}). */
    public long restCalls(final String method, final String path) {
        final LongAdder calls = restCalls.get(method + ' ' + path);
        return calls == null ? 0 : calls.sum();
    }

    void countRestCall(final String method, final String path) {
        restCalls.computeIfAbsent(method + ' ' + path, k -> new LongAdder()).increment();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    BinanceRestApi restApi() {
        return restApi;
    }

    /** Closes every connection and the server and stops the IO threads; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (group != null) {
            hub.closeAll(null);
            if (serverChannel != null) {
                serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
