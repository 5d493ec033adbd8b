package io.ringtrader.sim.binance;

import io.ringtrader.sim.SimClock;
import io.ringtrader.sim.SimSymbol;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link BinanceSim}, built once before start and immutable afterwards. Defaults follow the
 * venue's documented limits (3 min server ping, 24 h connection age, 60 min listenKey validity, 10 incoming
 * messages per second).
 */
public final class BinanceSimConfig {
    /** The leverage of a new Binance USDⓈ-M account. */
    public static final int DEFAULT_LEVERAGE = 20;
    /** The highest leverage the venue offers (BTCUSDT's first bracket). */
    public static final int MAX_LEVERAGE = 125;

    private final List<SimSymbol> symbols;
    private final Map<String, String> apiKeys;
    private final SimClock clock;
    private final Duration pingInterval;
    private final Duration pongTimeout;
    private final Duration maxConnectionAge;
    private final Duration listenKeyValidity;
    private final int maxIncomingMessagesPerSecond;
    private final int minIdStep;
    private final int maxIdStep;
    private final long firstUpdateId;
    private final BigDecimal makerRate;
    private final BigDecimal takerRate;
    private final BigDecimal startingBalance;
    private final int leverage;
    private final long seed;
    private final boolean refuseMisroutedStreams;
    private final boolean aggregateDepth;

    private BinanceSimConfig(final Builder b) {
        if (b.symbols.isEmpty()) {
            throw new IllegalArgumentException("BinanceSimConfig needs at least one symbol");
        }
        if (b.minIdStep < 2 || b.maxIdStep < b.minIdStep) {
            throw new IllegalArgumentException("id step must satisfy 2 <= min <= max, got min=" + b.minIdStep
                + " max=" + b.maxIdStep);
        }
        this.symbols = List.copyOf(b.symbols);
        this.apiKeys = Collections.unmodifiableMap(new LinkedHashMap<>(b.apiKeys));
        this.clock = b.clock;
        this.pingInterval = positive(b.pingInterval, "pingInterval");
        this.pongTimeout = positive(b.pongTimeout, "pongTimeout");
        this.maxConnectionAge = positive(b.maxConnectionAge, "maxConnectionAge");
        this.listenKeyValidity = positive(b.listenKeyValidity, "listenKeyValidity");
        this.maxIncomingMessagesPerSecond = b.maxIncomingMessagesPerSecond;
        this.minIdStep = b.minIdStep;
        this.maxIdStep = b.maxIdStep;
        this.firstUpdateId = b.firstUpdateId;
        this.makerRate = b.makerRate;
        this.takerRate = b.takerRate;
        this.startingBalance = b.startingBalance;
        this.leverage = b.leverage;
        this.seed = b.seed;
        this.refuseMisroutedStreams = b.refuseMisroutedStreams;
        this.aggregateDepth = b.aggregateDepth;
    }

    private static Duration positive(final Duration d, final String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
        return d;
    }

    /** A builder with the venue's defaults and no symbols. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configured symbols, in order. */
    public List<SimSymbol> symbols() {
        return symbols;
    }

    /** API key to secret. */
    public Map<String, String> apiKeys() {
        return apiKeys;
    }

    /** Venue clock shared by REST, streams and matching. */
    public SimClock clock() {
        return clock;
    }

    /** Interval of the server's ping frames. */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** How long a server ping may stay unanswered before the socket is closed. */
    public Duration pongTimeout() {
        return pongTimeout;
    }

    /** Age at which the server closes a WebSocket. */
    public Duration maxConnectionAge() {
        return maxConnectionAge;
    }

    /** How long a listenKey lives after its last create or keepalive. */
    public Duration listenKeyValidity() {
        return listenKeyValidity;
    }

    /** Incoming frames per second a socket may send before it is closed. */
    public int maxIncomingMessagesPerSecond() {
        return maxIncomingMessagesPerSecond;
    }

    /** Smallest advance of the depth update id between events (>= 2). */
    public int minIdStep() {
        return minIdStep;
    }

    /** Largest advance of the depth update id between events. */
    public int maxIdStep() {
        return maxIdStep;
    }

    /** {@code u} before the first depth event. */
    public long firstUpdateId() {
        return firstUpdateId;
    }

    /** Maker commission as a fraction of notional. */
    public BigDecimal makerRate() {
        return makerRate;
    }

    /** Taker commission as a fraction of notional. */
    public BigDecimal takerRate() {
        return takerRate;
    }

    /** Starting USDT wallet balance. */
    public BigDecimal startingBalance() {
        return startingBalance;
    }

    /** Leverage of every symbol (cross margin): initial margin = notional / leverage. */
    public int leverage() {
        return leverage;
    }

    /** Seed of the id-step generator. */
    public long seed() {
        return seed;
    }

    /**
     * True (the default, as the venue) when diff-depth streams merge updates over their period (100/250/500 ms of venue
     * time); false: one event per diff.
     */
    public boolean aggregateDepth() {
        return aggregateDepth;
    }

    /** True when a stream asked for on a route that does not carry it is refused instead of silently never sent. */
    public boolean refuseMisroutedStreams() {
        return refuseMisroutedStreams;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final List<SimSymbol> symbols = new ArrayList<>();
        private final Map<String, String> apiKeys = new LinkedHashMap<>();
        private SimClock clock = new SimClock();
        private Duration pingInterval = Duration.ofMinutes(3);
        private Duration pongTimeout = Duration.ofMinutes(10);
        private Duration maxConnectionAge = Duration.ofHours(24);
        private Duration listenKeyValidity = Duration.ofMinutes(60);
        private int maxIncomingMessagesPerSecond = 10;
        private int minIdStep = 2;
        private int maxIdStep = 40;
        private long firstUpdateId = 1_000_000L;
        private BigDecimal makerRate = new BigDecimal("0.0002");
        private BigDecimal takerRate = new BigDecimal("0.0005");
        private BigDecimal startingBalance = new BigDecimal("10000");
        private int leverage = DEFAULT_LEVERAGE;
        private long seed = 42L;
        private boolean refuseMisroutedStreams;
        private boolean aggregateDepth = true;

        private Builder() {
        }

        /** Adds a symbol. */
        public Builder symbol(final SimSymbol symbol) {
            symbols.add(Objects.requireNonNull(symbol, "symbol"));
            return this;
        }

        /** Registers an API key and its HMAC secret. */
        public Builder apiKey(final String key, final String secret) {
            apiKeys.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(secret, "secret"));
            return this;
        }

        /** Uses {@code clock} as venue time (tests offset, freeze and advance it). */
        public Builder clock(final SimClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Server ping interval (venue: 3 min). */
        public Builder pingInterval(final Duration pingInterval) {
            this.pingInterval = pingInterval;
            return this;
        }

        /** A connection that has not answered a server ping for this long is closed (venue: 10 min). */
        public Builder pongTimeout(final Duration pongTimeout) {
            this.pongTimeout = pongTimeout;
            return this;
        }

        /** WebSocket age limit (venue: 24 h). */
        public Builder maxConnectionAge(final Duration maxConnectionAge) {
            this.maxConnectionAge = maxConnectionAge;
            return this;
        }

        /** listenKey validity (venue: 60 min). */
        public Builder listenKeyValidity(final Duration listenKeyValidity) {
            this.listenKeyValidity = listenKeyValidity;
            return this;
        }

        /** Incoming-frame limit per socket and second (venue: 10). */
        public Builder maxIncomingMessagesPerSecond(final int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxIncomingMessagesPerSecond must be >= 1, got " + max);
            }
            this.maxIncomingMessagesPerSecond = max;
            return this;
        }

        /** Depth update ids advance by a pseudo-random step in {@code [min, max]} between events (min >= 2). */
        public Builder idStep(final int min, final int max) {
            this.minIdStep = min;
            this.maxIdStep = max;
            return this;
        }

        /** {@code u} before the first depth event. */
        public Builder firstUpdateId(final long firstUpdateId) {
            this.firstUpdateId = firstUpdateId;
            return this;
        }

        /** Commission rates as fractions of notional (0.0002 = 2 bp). */
        public Builder commission(final String makerRate, final String takerRate) {
            this.makerRate = new BigDecimal(makerRate);
            this.takerRate = new BigDecimal(takerRate);
            return this;
        }

        /** Starting USDT wallet balance of the simulated account (default 10000); at least 0. */
        public Builder startingBalance(final String balance) {
            final BigDecimal value = new BigDecimal(balance);
            if (value.signum() < 0) {
                throw new IllegalArgumentException("startingBalance must be >= 0, got " + balance);
            }
            this.startingBalance = value;
            return this;
        }

        /**
         * Leverage of every symbol, 1 to {@value #MAX_LEVERAGE} (default {@value #DEFAULT_LEVERAGE}, the venue's default
         * for a new account): a new order needs initial margin = notional / leverage plus its open loss.
         */
        public Builder leverage(final int leverage) {
            if (leverage < 1 || leverage > MAX_LEVERAGE) {
                throw new IllegalArgumentException("leverage must be 1.." + MAX_LEVERAGE + ", got " + leverage);
            }
            this.leverage = leverage;
            return this;
        }

        /** Seed of the id-step generator, for reproducible runs. */
        public Builder seed(final long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Venue-like diff depth (default on): {@code @depth@100ms} (and {@code @depth@0ms}), {@code @depth} (250 ms)
         * and {@code @depth@500ms} each send, once per period of venue time, one event merging every diff of the
         * period ({@code U} of the first, {@code u} of the last, {@code pu} the stream's previous {@code u}). Off:
         * every diff is its own event on all of them at once (for tests that read each diff).
         */
        public Builder aggregateDepth(final boolean aggregate) {
            this.aggregateDepth = aggregate;
            return this;
        }

        /**
         * Strict routing (default off, the venue's behaviour): when on, a SUBSCRIBE of a stream the route does not
         * carry gets an error reply and a connect URL naming one is refused with HTTP 400, making routing bugs loud.
         */
        public Builder refuseMisroutedStreams(final boolean refuse) {
            this.refuseMisroutedStreams = refuse;
            return this;
        }

        /** Validates and builds the config; throws IllegalArgumentException naming the bad setting. */
        public BinanceSimConfig build() {
            return new BinanceSimConfig(this);
        }
    }
}
