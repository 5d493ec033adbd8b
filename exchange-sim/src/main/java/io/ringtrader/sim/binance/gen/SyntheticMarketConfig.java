package io.ringtrader.sim.binance.gen;

import io.ringtrader.sim.SimSymbol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link SyntheticMarket}. Immutable; build with {@link #builder()}, whose defaults give BTCUSDT and
 * ETHUSDT at realistic prices, 30 levels a side at start, 1 bp/&radic;s calm and 5 bp/&radic;s volatile regimes.
 *
 * <p>Time: every event advances the generator's model time by an exponential gap of mean {@code 1/eventRate}
 * seconds; the paced driver sends each event at its model time (Poisson arrivals at {@code eventRate}). Regimes,
 * funding and mark price step once per model second.
 *
 * @param seed                   seed of the only random source: same seed and config, same operations
 * @param instruments            instruments, each also configured on the sim
 * @param eventRate              events per second (all instruments), model time and paced driver
 * @param timeMode               whether the sim clock follows the model time (reproducible frames) or the wall clock
 * @param startEpochMs           venue time of model time zero in {@link TimeMode#SIMULATED}
 * @param initialLevels          levels a side the initial book has
 * @param maxLevels              most levels a side keeps (deeper ones are dropped)
 * @param calmVolatility         mid volatility per &radic;second in the calm regime (0.0001 = 1 bp)
 * @param volatileVolatility     mid volatility per &radic;second in the volatile regime
 * @param calmToVolatile         probability per second of switching calm to volatile
 * @param volatileToCalm         probability per second of switching volatile to calm
 * @param limitWeight            intensity weight of limit-order arrivals
 * @param cancelWeight           intensity weight of cancellations
 * @param marketWeight           base intensity weight of market orders
 * @param hawkesAlpha            market-order weight added by each market order (0: plain Poisson)
 * @param hawkesMemory           mean lifetime of that excitation, in events of the instrument (alpha &times; memory is
 *                               about the branching ratio; must stay below 1)
 * @param placementP             parameter of the geometric distance (in ticks) of a limit order from the mid
 * @param sizeAlpha              Pareto tail index of order sizes (smaller: heavier tail)
 * @param marketSizeMultiplier   market orders are this many times larger than limit orders
 * @param staleCancelProbability chance a cancel removes a quote on the wrong side of the moved mid (re-centring)
 * @param fundingStart           funding rate at start (0.0001 = 0.01 %)
 * @param fundingVolatility      funding-rate random-walk step per second
 * @param fundingCap             absolute bound of the funding rate
 * @param indexBasisVolatility   relative deviation of the index price from the mid (standard deviation)
 */
public record SyntheticMarketConfig(long seed, List<Instrument> instruments, double eventRate, TimeMode timeMode,
                                    long startEpochMs, int initialLevels, int maxLevels, double calmVolatility,
                                    double volatileVolatility, double calmToVolatile, double volatileToCalm,
                                    double limitWeight, double cancelWeight, double marketWeight, double hawkesAlpha,
                                    double hawkesMemory, double placementP, double sizeAlpha,
                                    double marketSizeMultiplier, double staleCancelProbability, double fundingStart,
                                    double fundingVolatility, double fundingCap, double indexBasisVolatility) {

    /** Validates; throws IllegalArgumentException naming the bad setting. */
    public SyntheticMarketConfig {
        instruments = List.copyOf(Objects.requireNonNull(instruments, "instruments"));
        Objects.requireNonNull(timeMode, "timeMode");
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("at least one instrument is needed");
        }
        positive("eventRate", eventRate);
        if (initialLevels < 1 || maxLevels < initialLevels) {
            throw new IllegalArgumentException("levels must satisfy 1 <= initialLevels <= maxLevels, got initialLevels="
                + initialLevels + " maxLevels=" + maxLevels);
        }
        nonNegative("calmVolatility", calmVolatility);
        nonNegative("volatileVolatility", volatileVolatility);
        probability("calmToVolatile", calmToVolatile);
        probability("volatileToCalm", volatileToCalm);
        positive("limitWeight", limitWeight);
        nonNegative("cancelWeight", cancelWeight);
        nonNegative("marketWeight", marketWeight);
        nonNegative("hawkesAlpha", hawkesAlpha);
        positive("hawkesMemory", hawkesMemory);
        if (hawkesAlpha * hawkesMemory >= 1) {
            throw new IllegalArgumentException("hawkesAlpha * hawkesMemory must be < 1 (a stable process), got "
                + hawkesAlpha + " * " + hawkesMemory);
        }
        if (!(placementP > 0 && placementP <= 1)) {
            throw new IllegalArgumentException("placementP must be in (0, 1], got " + placementP);
        }
        positive("sizeAlpha", sizeAlpha);
        positive("marketSizeMultiplier", marketSizeMultiplier);
        probability("staleCancelProbability", staleCancelProbability);
        positive("fundingCap", fundingCap);
        if (Math.abs(fundingStart) > fundingCap) {
            throw new IllegalArgumentException("|fundingStart| must be <= fundingCap, got " + fundingStart + " and "
                + fundingCap);
        }
        nonNegative("fundingVolatility", fundingVolatility);
        nonNegative("indexBasisVolatility", indexBasisVolatility);
    }

    private static void positive(final String name, final double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
        }
    }

    private static void nonNegative(final String name, final double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + v);
        }
    }

    private static void probability(final String name, final double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], got " + v);
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Which clock the venue's time fields follow. */
    public enum TimeMode {
        /** The sim clock is frozen at {@code startEpochMs} + model time: frames are byte-for-byte reproducible. */
        SIMULATED,
        /** The sim clock is left alone (wall clock): for live pacing and latency measurement. */
        WALL
    }

    /**
     * One instrument: its grid and the shape of its orders.
     *
     * @param symbol     the venue symbol (grid and decimals); the sim must be configured with it
     * @param startPrice initial mid
     * @param minLots    Pareto scale of order sizes, in lot steps (at least 1)
     * @param maxLots    order-size cap, in lot steps
     * @param weight     relative share of the events this instrument gets
     */
    public record Instrument(SimSymbol symbol, double startPrice, long minLots, long maxLots, double weight) {
        /** Validates. */
        public Instrument {
            Objects.requireNonNull(symbol, "symbol");
            if (!(startPrice > 0) || Double.isInfinite(startPrice)) {
                throw new IllegalArgumentException("startPrice must be positive for " + symbol.name() + ", got "
                    + startPrice);
            }
            if (minLots < 1 || maxLots < minLots) {
                throw new IllegalArgumentException("lots must satisfy 1 <= minLots <= maxLots for " + symbol.name()
                    + ", got " + minLots + " and " + maxLots);
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight must be positive for " + symbol.name() + ", got " + weight);
            }
        }

        /** BTCUSDT near 90,000, orders from 0.01 BTC (heavy tail, capped at 50 BTC), 60 % of events. */
        public static Instrument btcusdt() {
            return new Instrument(SimSymbol.btcusdt(), 90_000.0, 10, 50_000, 0.6);
        }

        /** ETHUSDT near 3,000, orders from 0.1 ETH (capped at 500 ETH), 40 % of events. */
        public static Instrument ethusdt() {
            return new Instrument(SimSymbol.ethusdt(), 3_000.0, 100, 500_000, 0.4);
        }
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final List<Instrument> instruments = new ArrayList<>();
        private long seed = 1L;
        private double eventRate = 10_000;
        private TimeMode timeMode = TimeMode.SIMULATED;
        private long startEpochMs = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
        private int initialLevels = 30;
        private int maxLevels = 100;
        private double calmVolatility = 0.0001;
        private double volatileVolatility = 0.0005;
        private double calmToVolatile = 0.02;
        private double volatileToCalm = 0.1;
        private double limitWeight = 0.65;
        private double cancelWeight = 0.30;
        private double marketWeight = 0.05;
        private double hawkesAlpha = 0.03;
        private double hawkesMemory = 10;
        private double placementP = 0.10;
        private double sizeAlpha = 1.6;
        private double marketSizeMultiplier = 2;
        private double staleCancelProbability = 0.5;
        private double fundingStart = 0.0001;
        private double fundingVolatility = 0.000002;
        private double fundingCap = 0.003;
        private double indexBasisVolatility = 0.0001;

        private Builder() {
        }

        /** Seed of the generator (default 1). */
        public Builder seed(final long seed) {
            this.seed = seed;
            return this;
        }

        /** Adds an instrument; with none, BTCUSDT and ETHUSDT are used. */
        public Builder instrument(final Instrument instrument) {
            instruments.add(Objects.requireNonNull(instrument, "instrument"));
            return this;
        }

        /** Events per second over all instruments (default 10,000). */
        public Builder eventRate(final double eventsPerSecond) {
            this.eventRate = eventsPerSecond;
            return this;
        }

        /** Clock mode (default {@link TimeMode#SIMULATED}). */
        public Builder timeMode(final TimeMode mode) {
            this.timeMode = mode;
            return this;
        }

        /** Venue time at model time zero in simulated mode (default 2026-01-01T00:00:00Z). */
        public Builder startEpochMs(final long epochMs) {
            this.startEpochMs = epochMs;
            return this;
        }

        /** Levels a side at start (default 30) and the most kept (default 100). */
        public Builder levels(final int initial, final int max) {
            this.initialLevels = initial;
            this.maxLevels = max;
            return this;
        }

        /** Mid volatility per &radic;second, calm and volatile (default 0.0001 and 0.0005). */
        public Builder volatility(final double calm, final double volatile_) {
            this.calmVolatility = calm;
            this.volatileVolatility = volatile_;
            return this;
        }

        /** Regime switching probabilities per second (default 0.02 calm to volatile, 0.1 back). */
        public Builder regimeSwitching(final double calmToVolatile, final double volatileToCalm) {
            this.calmToVolatile = calmToVolatile;
            this.volatileToCalm = volatileToCalm;
            return this;
        }

        /** Intensity weights of limit arrivals, cancels and market orders (default 0.65, 0.30, 0.05). */
        public Builder intensities(final double limit, final double cancel, final double market) {
            this.limitWeight = limit;
            this.cancelWeight = cancel;
            this.marketWeight = market;
            return this;
        }

        /**
         * Hawkes self-excitation of market orders: weight added per market order and its mean lifetime in events of
         * the instrument (default 0.03 and 10: a branching ratio of about 0.3, independent of the event rate).
         */
        public Builder hawkes(final double alpha, final double memoryEvents) {
            this.hawkesAlpha = alpha;
            this.hawkesMemory = memoryEvents;
            return this;
        }

        /** Geometric parameter of a limit order's distance from the mid in ticks (default 0.10, mean 9). */
        public Builder placementP(final double p) {
            this.placementP = p;
            return this;
        }

        /** Pareto tail index of sizes (default 1.6) and market-order size multiplier (default 2). */
        public Builder sizes(final double paretoAlpha, final double marketMultiplier) {
            this.sizeAlpha = paretoAlpha;
            this.marketSizeMultiplier = marketMultiplier;
            return this;
        }

        /** Chance a cancel pulls a quote left on the wrong side of the mid (default 0.5). */
        public Builder staleCancelProbability(final double p) {
            this.staleCancelProbability = p;
            return this;
        }

        /** Funding rate at start, its per-second step and its bound (default 0.0001, 0.000002, 0.003). */
        public Builder funding(final double start, final double volatilityPerSecond, final double cap) {
            this.fundingStart = start;
            this.fundingVolatility = volatilityPerSecond;
            this.fundingCap = cap;
            return this;
        }

        /** Relative standard deviation of the index price around the mid (default 0.0001). */
        public Builder indexBasisVolatility(final double v) {
            this.indexBasisVolatility = v;
            return this;
        }

        /** Validates and builds. */
        public SyntheticMarketConfig build() {
            final List<Instrument> list = instruments.isEmpty()
                ? List.of(Instrument.btcusdt(), Instrument.ethusdt()) : instruments;
            return new SyntheticMarketConfig(seed, list, eventRate, timeMode, startEpochMs, initialLevels, maxLevels,
                calmVolatility, volatileVolatility, calmToVolatile, volatileToCalm, limitWeight, cancelWeight,
                marketWeight, hawkesAlpha, hawkesMemory, placementP, sizeAlpha, marketSizeMultiplier,
                staleCancelProbability, fundingStart, fundingVolatility, fundingCap, indexBasisVolatility);
        }
    }
}
