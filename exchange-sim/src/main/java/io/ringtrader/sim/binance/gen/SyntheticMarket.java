package io.ringtrader.sim.binance.gen;

import io.ringtrader.sim.L2Book.Side;
import io.ringtrader.sim.SimClock;
import io.ringtrader.sim.SimSymbol;
import io.ringtrader.sim.Threads;
import io.ringtrader.sim.binance.BinanceSim;
import io.ringtrader.sim.binance.gen.FrameListener.FrameKind;
import io.ringtrader.sim.binance.gen.SyntheticMarketConfig.Instrument;
import io.ringtrader.sim.binance.gen.SyntheticMarketConfig.TimeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A seeded synthetic order-flow generator driving a {@link BinanceSim} (through a {@link MarketSink}): per
 * instrument a latent mid follows a geometric random walk whose volatility switches between a calm and a volatile
 * regime (2-state Markov chain, stepped every model second); limit orders arrive at a geometric distance in ticks
 * around that mid, cancellations hit levels in proportion to their resting size (and preferably quotes the mid has
 * moved through), and market orders (Hawkes self-exciting, buying more often when the mid is above the book's)
 * consume levels, emitting one aggTrade per level and the depth diff. Sizes are Pareto, on the lot grid and capped.
 * A limit order that would cross trades what it crosses and rests the rest at the touch, so the book never
 * crosses. Once a model second the mark price (book mid), index (mid with a small basis) and a random-walk funding
 * rate go out.
 *
 * <p>Determinism: one {@link SplittableRandom} seeded from the config draws everything, so the same seed and config
 * give the same operation sequence; in {@link TimeMode#SIMULATED} the sim clock is frozen at model time, so the
 * frames are identical too (given sims built with the same config).
 *
 * <p>Threading: not thread-safe. Drive it either with {@link #runFor(long)} on one thread, or with the paced driver
 * thread ({@link #start()} / {@link #close()}); never both at once. Accessors marked so may be read from any thread.
 * The generator's own book is allocation-free; the {@link MarketSink} strings it builds per event are not.
 */
public final class SyntheticMarket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticMarket.class);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MS = 1_000_000L;
    private static final long FUNDING_INTERVAL_MS = TimeUnit.HOURS.toMillis(8);
    private static final int MARK_DECIMALS = 8;
    private static final long MARK_SCALE = 100_000_000L;

    private final SyntheticMarketConfig config;
    private final MarketSink sink;
    private final SimClock clock;
    private final SplittableRandom random;
    private final Instr[] instruments;
    private final double[] cumulativeWeights;
    private final StringBuilder text = new StringBuilder(32);
    private FrameListener listener = FrameListener.NONE;
    private boolean built;
    private long modelNanos;
    private long nextEventNanos;
    private long nextSecondNanos;
    private long clockMs = Long.MIN_VALUE;
    private volatile long eventsGenerated;
    private volatile long maxLagNanos;
    private volatile RuntimeException failure;
    private volatile boolean running;
    private Thread driver;
    private boolean closed;

    /** A generator for {@code sim}, whose configured symbols must include every instrument's. */
    public SyntheticMarket(final BinanceSim sim, final SyntheticMarketConfig config) {
        this(config, MarketSink.of(sim.market()), sim.clock());
        for (final Instrument i : config.instruments()) {
            final SimSymbol s = sim.market().symbol(i.symbol().name());
            if (s == null || s.tickSize().compareTo(i.symbol().tickSize()) != 0
                || s.stepSize().compareTo(i.symbol().stepSize()) != 0) {
                throw new IllegalArgumentException("the sim must be configured with " + i.symbol()
                    + "; it has " + sim.market().symbols());
            }
        }
    }

    /**
     * A generator writing to {@code sink}; in {@link TimeMode#SIMULATED} it freezes {@code clock} at model time.
     */
    public SyntheticMarket(final SyntheticMarketConfig config, final MarketSink sink, final SimClock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = new SplittableRandom(config.seed());
        final List<Instrument> list = config.instruments();
        this.instruments = new Instr[list.size()];
        this.cumulativeWeights = new double[list.size()];
        double total = 0;
        for (int i = 0; i < instruments.length; i++) {
            instruments[i] = new Instr(list.get(i), config);
            total += list.get(i).weight();
            cumulativeWeights[i] = total;
        }
        for (int i = 0; i < instruments.length; i++) {
            cumulativeWeights[i] /= total;
        }
        // simulated time: model seconds fall on whole venue seconds, so klines close at their boundary
        this.nextSecondNanos = config.timeMode() == TimeMode.SIMULATED
            ? (1000 - Math.floorMod(config.startEpochMs(), 1000L)) * NANOS_PER_MS : NANOS_PER_SECOND;
    }

    /** Sets the listener told of each frame's intended send time; set it before {@link #start()} or runFor. */
    public SyntheticMarket frameListener(final FrameListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** The settings. */
    public SyntheticMarketConfig config() {
        return config;
    }

    /**
     * Builds the initial book ({@code initialLevels} a side around each start price, one depth diff per instrument)
     * and publishes a first mark price, unless already done; runFor and start call it. Not thread-safe.
     */
    public void buildInitialBook() {
        if (built) {
            return;
        }
        built = true;
        setClock(0);
        final long intended = System.nanoTime();
        for (final Instr s : instruments) {
            s.begin();
            final long anchor = s.anchor();
            for (int k = 0; k < config.initialLevels(); k++) {
                if (anchor - k >= 1) {
                    s.bidChanges.set(anchor - k, s.bids.add(anchor - k, size(s, 1 + k / 10.0)));
                }
                s.askChanges.set(anchor + 1 + k, s.asks.add(anchor + 1 + k, size(s, 1 + k / 10.0)));
            }
            emitDepth(s, intended);
            markPrice(s, intended);
        }
        nextEventNanos = gap();
    }

    /**
     * Generates {@code events} events as fast as possible on the calling thread (building the initial book first if
     * needed). Throws IllegalStateException while the paced driver runs.
     */
    public void runFor(final long events) {
        synchronized (this) {
            if (driver != null) {
                throw new IllegalStateException("the paced driver is running; runFor cannot be used with it");
            }
        }
        buildInitialBook();
        for (long i = 0; i < events; i++) {
            step(System.nanoTime());
        }
    }

    /**
     * Lets {@code quiet} of model time pass without order flow ({@link TimeMode#SIMULATED} only, not while the paced
     * driver runs): the venue clock moves on, whole model seconds still publish mark prices and close klines, and the
     * sim sends the periodic frames due by then (the last aggregated diffs among them), so a client can catch up with
     * the last event generated. The next event comes {@code quiet} later than it would have.
     */
    public void pause(final Duration quiet) {
        synchronized (this) {
            if (driver != null) {
                throw new IllegalStateException("the paced driver is running; pause cannot be used with it");
            }
        }
        if (config.timeMode() != TimeMode.SIMULATED) {
            throw new IllegalStateException("pause moves simulated time; this generator runs on " + config.timeMode());
        }
        if (quiet.isNegative()) {
            throw new IllegalArgumentException("pause must not be negative: " + quiet);
        }
        buildInitialBook();
        final long target = modelNanos + quiet.toNanos();
        final long intended = System.nanoTime();
        while (target >= nextSecondNanos) {
            setClock(nextSecondNanos);
            onSecond(intended);
            nextSecondNanos += NANOS_PER_SECOND;
        }
        setClock(target);
        sink.closeDueKlines(clock.epochMillis());
        modelNanos = target;
        nextEventNanos += quiet.toNanos();
    }

    /**
     * Starts the paced driver thread: events go out at their model times mapped onto {@link System#nanoTime()}
     * from now (Poisson arrivals at {@code eventRate}); the schedule never drifts, a late driver catches up. Once.
     */
    public synchronized SyntheticMarket start() {
        if (driver != null || closed) {
            throw new IllegalStateException("a SyntheticMarket driver can be started once; started="
                + (driver != null) + " closed=" + closed);
        }
        buildInitialBook();
        running = true;
        driver = new Thread(this::drive, "synthetic-market");
        driver.setDaemon(true);
        driver.start();
        return this;
    }

    private void drive() {
        final long baseNanos = System.nanoTime();
        final long baseModel = nextEventNanos;
        LOG.info("synthetic market driver started at {} events/s ({} instruments, {} time)", config.eventRate(),
            instruments.length, config.timeMode());
        try {
            while (running) {
                final long target = baseNanos + (nextEventNanos - baseModel);
                final long now = System.nanoTime();
                if (now < target) {
                    LockSupport.parkNanos(target - now);
                    continue;
                }
                if (now - target > maxLagNanos) {
                    maxLagNanos = now - target;
                }
                step(target);
            }
        } catch (final RuntimeException e) {
            failure = e;
            running = false;
            LOG.error("synthetic market driver failed after {} events", eventsGenerated, e);
        }
    }

    /** Stops the paced driver (waits up to 5 s for it); idempotent. */
    @Override
    public void close() {
        final Thread t;
        synchronized (this) {
            closed = true;
            running = false;
            t = driver;
        }
        if (!Threads.unparkAndJoin(t, Duration.ofSeconds(5))) {
            LOG.warn("synthetic market driver did not stop within 5 s");
        }
    }

    /** Events generated so far (any thread). */
    public long eventsGenerated() {
        return eventsGenerated;
    }

    /** Largest lateness of the paced driver behind its schedule so far, in ns (any thread). */
    public long maxLagNanos() {
        return maxLagNanos;
    }

    /** The exception that stopped the paced driver, or null (any thread). */
    public RuntimeException failure() {
        return failure;
    }

    /** Model time of the last event, ns since model start (generator thread, or after it stopped). */
    public long modelNanos() {
        return modelNanos;
    }

    /** Counters of one instrument (exact after the generator stopped). */
    public InstrumentStats stats(final String symbol) {
        final Instr s = instr(symbol);
        return new InstrumentStats(s.name, s.limitOrders, s.crossingLimits, s.cancels, s.marketOrders, s.trades,
            s.takerBuyTrades, s.regimeSwitches, s.volatileRegime, s.fairMid, s.funding);
    }

    /**
     * The generator's book side as {price, qty} pairs, best first, at the symbol's decimals: what the sim's book
     * holds when nothing else (user orders) changed it. Call when the generator is not running.
     */
    public List<BigDecimal[]> book(final String symbol, final Side side) {
        final Instr s = instr(symbol);
        final BookSide b = side == Side.BID ? s.bids : s.asks;
        final List<BigDecimal[]> out = new ArrayList<>(b.size());
        for (int i = 0; i < b.size(); i++) {
            out.add(new BigDecimal[] {new BigDecimal(s.priceText(b.price(i))), new BigDecimal(s.qtyText(b.lots(i)))});
        }
        return out;
    }

    private Instr instr(final String symbol) {
        for (final Instr s : instruments) {
            if (s.name.equalsIgnoreCase(symbol)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown instrument " + symbol.toUpperCase(Locale.ROOT));
    }

    // ---- one event ----------------------------------------------------------------------------------------------

    private void step(final long intendedNanos) {
        modelNanos = nextEventNanos;
        while (modelNanos >= nextSecondNanos) {
            setClock(nextSecondNanos);
            onSecond(intendedNanos);
            nextSecondNanos += NANOS_PER_SECOND;
        }
        setClock(modelNanos);
        final Instr s = pickInstrument();
        advance(s);
        s.excitation *= s.excitationDecay;
        final double limitW = config.limitWeight();
        final double cancelW = config.cancelWeight();
        final double u = random.nextDouble() * (limitW + cancelW + config.marketWeight() + s.excitation);
        if (u < limitW) {
            limit(s, intendedNanos);
        } else if (u < limitW + cancelW) {
            if (!cancel(s, intendedNanos)) {
                limit(s, intendedNanos);
            }
        } else if (!market(s, intendedNanos)) {
            limit(s, intendedNanos);
        }
        eventsGenerated++;
        nextEventNanos = modelNanos + gap();
    }

    private long gap() {
        return Math.max(1L, (long) (random.nextExponential() * NANOS_PER_SECOND / config.eventRate()));
    }

    private void setClock(final long nanos) {
        if (config.timeMode() == TimeMode.SIMULATED) {
            final long ms = config.startEpochMs() + nanos / NANOS_PER_MS;
            if (ms != clockMs) {
                clockMs = ms;
                clock.fixAt(ms);
            }
        }
    }

    private Instr pickInstrument() {
        if (instruments.length == 1) {
            return instruments[0];
        }
        final double u = random.nextDouble();
        for (int i = 0; i < instruments.length - 1; i++) {
            if (u < cumulativeWeights[i]) {
                return instruments[i];
            }
        }
        return instruments[instruments.length - 1];
    }

    /** Moves the latent mid to model time now. */
    private void advance(final Instr s) {
        final long dtNanos = modelNanos - s.lastNanos;
        if (dtNanos <= 0) {
            return;
        }
        final double dt = dtNanos / (double) NANOS_PER_SECOND;
        final double sigma = s.volatileRegime ? config.volatileVolatility() : config.calmVolatility();
        s.fairMid *= Math.exp(sigma * Math.sqrt(dt) * random.nextGaussian() - 0.5 * sigma * sigma * dt);
        s.lastNanos = modelNanos;
    }

    private void onSecond(final long intendedNanos) {
        if (config.timeMode() == TimeMode.SIMULATED) {
            sink.closeDueKlines(clock.epochMillis());
        }
        for (final Instr s : instruments) {
            final double p = s.volatileRegime ? config.volatileToCalm() : config.calmToVolatile();
            if (random.nextDouble() < p) {
                s.volatileRegime = !s.volatileRegime;
                s.regimeSwitches++;
            }
            final double f = s.funding + config.fundingVolatility() * random.nextGaussian();
            s.funding = Math.max(-config.fundingCap(), Math.min(config.fundingCap(), f));
            markPrice(s, intendedNanos);
        }
    }

    private void markPrice(final Instr s, final long intendedNanos) {
        if (s.bids.size() == 0 || s.asks.size() == 0) {
            return;
        }
        final long markUnits = (s.bids.bestPrice() + s.asks.bestPrice()) * s.tickIn1e8 / 2;
        final double basis = config.indexBasisVolatility() * random.nextGaussian();
        final long indexUnits = Math.round(s.fairMid * (1 + basis) * MARK_SCALE);
        final long nowMs = clock.epochMillis();
        final long nextFunding = (Math.floorDiv(nowMs, FUNDING_INTERVAL_MS) + 1) * FUNDING_INTERVAL_MS;
        sink.markPrice(s.name, fixed(markUnits, MARK_DECIMALS), fixed(indexUnits, MARK_DECIMALS),
            fixed(Math.round(s.funding * MARK_SCALE), MARK_DECIMALS), nextFunding);
        listener.onFrame(s.name, FrameKind.MARK_PRICE, nowMs, intendedNanos);
    }

    private void limit(final Instr s, final long intendedNanos) {
        final boolean buy = random.nextBoolean();
        final long k = geometric();
        final long lots = size(s, 1);
        final BookSide own = buy ? s.bids : s.asks;
        final BookSide opp = buy ? s.asks : s.bids;
        final long anchor = s.anchor();
        long price = buy ? Math.max(1, anchor - k) : anchor + 1 + k;
        s.limitOrders++;
        s.begin();
        long remaining = lots;
        if (opp.size() > 0 && !opp.better(price, opp.bestPrice())) {
            s.crossingLimits++;
            remaining = take(s, opp, true, price, remaining, buy, intendedNanos);
        }
        if (remaining > 0) {
            if (opp.size() > 0 && !opp.better(price, opp.bestPrice())) {
                price = buy ? opp.bestPrice() - 1 : opp.bestPrice() + 1; // still crossing: rest at the touch
            }
            if (price >= 1) {
                rest(s, own, price, remaining);
            }
        }
        emitDepth(s, intendedNanos);
    }

    /** Takes liquidity from {@code opp}, best first, never its last lot; returns what is left of {@code lots}. */
    private long take(final Instr s, final BookSide opp, final boolean limited, final long limitPrice,
                      final long lots, final boolean buy, final long intendedNanos) {
        long remaining = lots;
        final LevelChanges changes = opp.isBid() ? s.bidChanges : s.askChanges;
        while (remaining > 0 && opp.size() > 0) {
            final long price = opp.bestPrice();
            if (limited && opp.better(limitPrice, price)) {
                break;
            }
            final long available = opp.lots(0) - (opp.size() == 1 ? 1 : 0);
            if (available <= 0) {
                break;
            }
            final long q = Math.min(available, remaining);
            changes.set(price, opp.reduceAt(0, q));
            remaining -= q;
            final long aggId = sink.trade(s.name, s.priceText(price), s.qtyText(q), !buy);
            s.trades++;
            if (buy) {
                s.takerBuyTrades++;
            }
            listener.onFrame(s.name, FrameKind.AGG_TRADE, aggId, intendedNanos);
        }
        return remaining;
    }

    /** Rests lots at a price; a full side drops its worst level for a better price, else the order joins it. */
    private void rest(final Instr s, final BookSide own, final long price, final long lots) {
        final LevelChanges changes = own.isBid() ? s.bidChanges : s.askChanges;
        long at = price;
        if (own.size() == own.capacity() && own.indexOf(price) < 0) {
            if (own.better(price, own.worstPrice())) {
                final int worst = own.size() - 1;
                changes.set(own.worstPrice(), 0);
                own.reduceAt(worst, own.lots(worst));
            } else {
                at = own.worstPrice();
            }
        }
        changes.set(at, own.add(at, lots));
    }

    /** A cancel: returns false when nothing could be cancelled (the caller makes it a limit order). */
    private boolean cancel(final Instr s, final long intendedNanos) {
        final double midTicks = s.fairMid / s.tickValue;
        if (random.nextDouble() < config.staleCancelProbability()) {
            if (s.bids.size() > 1 && s.bids.bestPrice() > midTicks) {
                return cancelLevel(s, s.bids, 0, s.bids.lots(0), intendedNanos);
            }
            if (s.asks.size() > 1 && s.asks.bestPrice() < midTicks) {
                return cancelLevel(s, s.asks, 0, s.asks.lots(0), intendedNanos);
            }
        }
        final long total = s.bids.totalLots() + s.asks.totalLots();
        if (total == 0) {
            return false;
        }
        long k = random.nextLong(total);
        final BookSide side;
        if (k < s.bids.totalLots()) {
            side = s.bids;
        } else {
            side = s.asks;
            k -= s.bids.totalLots();
        }
        final int level = side.levelOfLot(k);
        long lots = size(s, 1);
        if (side.size() == 1) {
            lots = Math.min(lots, side.lots(0) - 1);
        }
        return lots > 0 && cancelLevel(s, side, level, lots, intendedNanos);
    }

    private boolean cancelLevel(final Instr s, final BookSide side, final int level, final long lots,
                                final long intendedNanos) {
        s.begin();
        final long price = side.price(level);
        (side.isBid() ? s.bidChanges : s.askChanges).set(price, side.reduceAt(level, lots));
        s.cancels++;
        emitDepth(s, intendedNanos);
        return true;
    }

    /** A market order; returns false when the opposite side had nothing to give. */
    private boolean market(final Instr s, final long intendedNanos) {
        if (s.bids.size() == 0 || s.asks.size() == 0) {
            return false;
        }
        final double bookMidTicks = (s.bids.bestPrice() + s.asks.bestPrice()) / 2.0;
        final double buyProbability = 0.5 + 0.4 * Math.tanh((s.fairMid / s.tickValue - bookMidTicks) / 2);
        final boolean buy = random.nextDouble() < buyProbability;
        final long lots = size(s, config.marketSizeMultiplier());
        s.begin();
        final long left = take(s, buy ? s.asks : s.bids, false, 0, lots, buy, intendedNanos);
        if (left == lots) {
            return false;
        }
        s.marketOrders++;
        s.excitation += config.hawkesAlpha();
        emitDepth(s, intendedNanos);
        return true;
    }

    private long geometric() {
        final double u = 1.0 - random.nextDouble();
        final long k = (long) Math.floor(Math.log(u) / Math.log1p(-config.placementP()));
        return Math.min(k, config.maxLevels());
    }

    /** A Pareto size in lots: {@code minLots * scale} at the low end, capped at {@code maxLots}. */
    private long size(final Instr s, final double scale) {
        final double u = 1.0 - random.nextDouble();
        final double x = s.spec.minLots() * scale * Math.pow(u, -1.0 / config.sizeAlpha());
        return x >= s.spec.maxLots() ? s.spec.maxLots() : Math.max(1L, (long) x);
    }

    /** Sends the event's level changes as one depth diff (nothing when none); reports bookTicker if the top moved. */
    private void emitDepth(final Instr s, final long intendedNanos) {
        if (s.bidChanges.size() == 0 && s.askChanges.size() == 0) {
            return;
        }
        final long u = sink.depthDiff(s.name, s.levels(s.bidChanges), s.levels(s.askChanges));
        listener.onFrame(s.name, FrameKind.DEPTH_UPDATE, u, intendedNanos);
        if (s.topChanged()) {
            listener.onFrame(s.name, FrameKind.BOOK_TICKER, u, intendedNanos);
        }
    }

    /** {@code units} scaled down by {@code decimals}, as plain decimal text. */
    private String fixed(final long units, final int decimals) {
        return Instr.fixed(text, units, decimals);
    }

    /** Per-instrument state; owned by the generator's thread. */
    private static final class Instr {
        final Instrument spec;
        final String name;
        final double tickValue;
        final long tickUnits;
        final long stepUnits;
        final long tickIn1e8;
        final int priceDecimals;
        final int qtyDecimals;
        final BookSide bids;
        final BookSide asks;
        final LevelChanges bidChanges;
        final LevelChanges askChanges;
        final StringBuilder text = new StringBuilder(32);
        double fairMid;
        final double excitationDecay;
        double excitation;
        double funding;
        boolean volatileRegime;
        long lastNanos;
        long topBidPrice;
        long topBidLots;
        long topAskPrice;
        long topAskLots;
        long limitOrders;
        long crossingLimits;
        long cancels;
        long marketOrders;
        long trades;
        long takerBuyTrades;
        long regimeSwitches;

        Instr(final Instrument spec, final SyntheticMarketConfig config) {
            this.spec = spec;
            final SimSymbol symbol = spec.symbol();
            this.name = symbol.name();
            this.tickValue = symbol.tickSize().doubleValue();
            this.priceDecimals = symbol.priceDecimals();
            this.qtyDecimals = symbol.qtyDecimals();
            this.tickUnits = units(symbol.tickSize(), priceDecimals, "tickSize");
            this.stepUnits = units(symbol.stepSize(), qtyDecimals, "stepSize");
            this.tickIn1e8 = units(symbol.tickSize(), MARK_DECIMALS, "tickSize");
            this.bids = new BookSide(true, config.maxLevels());
            this.asks = new BookSide(false, config.maxLevels());
            final int changes = 2 * config.maxLevels() + 2;
            this.bidChanges = new LevelChanges(changes);
            this.askChanges = new LevelChanges(changes);
            this.fairMid = spec.startPrice();
            this.funding = config.fundingStart();
            this.excitationDecay = Math.exp(-1.0 / config.hawkesMemory());
        }

        private static long units(final BigDecimal value, final int decimals, final String what) {
            try {
                return value.movePointRight(decimals).longValueExact();
            } catch (final ArithmeticException e) {
                throw new IllegalArgumentException(what + " " + value.toPlainString() + " has more than " + decimals
                    + " decimals", e);
            }
        }

        /** The highest tick at or below the latent mid: bids start here, asks one tick above. */
        long anchor() {
            return (long) Math.floor(fairMid / tickValue);
        }

        /** Starts an event: clears the change lists and remembers the top. */
        void begin() {
            bidChanges.clear();
            askChanges.clear();
            topBidPrice = bids.size() == 0 ? -1 : bids.bestPrice();
            topBidLots = bids.size() == 0 ? -1 : bids.lots(0);
            topAskPrice = asks.size() == 0 ? -1 : asks.bestPrice();
            topAskLots = asks.size() == 0 ? -1 : asks.lots(0);
        }

        boolean topChanged() {
            return topBidPrice != (bids.size() == 0 ? -1 : bids.bestPrice())
                || topBidLots != (bids.size() == 0 ? -1 : bids.lots(0))
                || topAskPrice != (asks.size() == 0 ? -1 : asks.bestPrice())
                || topAskLots != (asks.size() == 0 ? -1 : asks.lots(0));
        }

        String[][] levels(final LevelChanges changes) {
            final String[][] out = new String[changes.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new String[] {priceText(changes.price(i)), qtyText(changes.lots(i))};
            }
            return out;
        }

        String priceText(final long ticks) {
            return fixed(text, ticks * tickUnits, priceDecimals);
        }

        String qtyText(final long lots) {
            return fixed(text, lots * stepUnits, qtyDecimals);
        }

        static String fixed(final StringBuilder sb, final long units, final int decimals) {
            sb.setLength(0);
            long abs = units;
            if (units < 0) {
                sb.append('-');
                abs = -units;
            }
            long pow = 1;
            for (int i = 0; i < decimals; i++) {
                pow *= 10;
            }
            sb.append(abs / pow);
            if (decimals > 0) {
                sb.append('.');
                final long frac = abs % pow;
                for (long p = pow / 10; p > frac && p > 1; p /= 10) {
                    sb.append('0');
                }
                sb.append(frac);
            }
            return sb.toString();
        }
    }
}
