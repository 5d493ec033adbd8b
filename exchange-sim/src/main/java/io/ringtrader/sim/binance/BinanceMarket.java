package io.ringtrader.sim.binance;

import io.ringtrader.sim.L2Book;
import io.ringtrader.sim.L2Book.Side;
import io.ringtrader.sim.SimClock;
import io.ringtrader.sim.SimSymbol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The simulated market of every configured symbol: its L2 book, depth id chain, trades, klines, mark price and open
 * interest, and the frames these produce on the WebSocket routes. Every method is thread-safe (one lock shared with
 * the account, so matching sees a consistent book).
 *
 * <p>Depth ids follow the venue: each diff carries {@code U} (first id), {@code u} (last id) and {@code pu} (the
 * previous event's {@code u}); {@code U} is never {@code pu + 1} because ids advance by a pseudo-random step.
 *
 * <p><b>Periodic streams follow venue time</b> ({@link SimClock}): a period of 100, 250 or 500 ms ends when venue time
 * enters the next one, and whatever it gathered goes out then ({@link #flushDue}, called before every change and by the
 * server's 50 ms timer, so a frozen clock holds them until it moves, and a run on simulated time sends the same frames
 * whichever thread sends them):
 * <ul>
 *   <li>aggregated diff depth (the default, {@code aggregateDepth}): one {@code depthUpdate} per speed and period merging
 *       the period's diffs ({@code U} of the first, {@code u} of the last, {@code pu} the speed's previous {@code u});</li>
 *   <li>partial book depth ({@code <sym>@depth<N>}, {@code @100ms}, {@code @500ms}; N = 5, 10, 20): the top N levels a
 *       side after a period in which the book changed, with the ids of that period's changes;</li>
 *   <li>klines: at most one update per 250 ms, after a period with a trade ({@code E} the period's end); the closing
 *       frame ({@code x:true}) at once when the interval has ended;</li>
 *   <li>mark price: {@code @markPrice@1s} each venue second, {@code @markPrice} every third, with the last values set
 *       ({@code E} the second).</li>
 * </ul>
 * bookTicker and aggTrade are sent at the change, as on the venue.
 */
public final class BinanceMarket {
    /** Partial book depths the venue serves. */
    static final int[] PARTIAL_DEPTHS = {5, 10, 20};
    /** Diff-depth stream suffixes (all carry the same events here). */
    static final String[] DIFF_SUFFIXES = {"@depth", "@depth@100ms", "@depth@500ms", "@depth@0ms"};
    /** With aggregation: the diff streams each update speed feeds. */
    private static final String[][] SPEED_STREAMS = {{"@depth@100ms", "@depth@0ms"}, {"@depth"}, {"@depth@500ms"}};
    /**
     * Period of each update speed in venue milliseconds (Binance "Diff. Book Depth Streams": update speed 250 ms,
     * 500 ms or 100 ms; partial depth the same).
     */
    private static final long[] SPEED_PERIOD_MS = {100, 250, 500};
    /** How often the server's timer calls {@link #flushDue}. */
    static final long FLUSH_TIMER_MS = 50;
    /** Kline streams push the current kline at most every 250 ms (Binance "Kline/Candlestick Streams"). */
    private static final long KLINE_PERIOD_MS = 250;
    /** {@code @markPrice@1s} every second, {@code @markPrice} every 3 s (Binance "Mark Price Stream"). */
    private static final long MARK_FAST_MS = 1_000;
    private static final long MARK_SLOW_MS = 3_000;
    /** The partial-depth stream suffix of each update speed, after {@code @depth<N>}. */
    private static final String[] PARTIAL_SPEED_SUFFIXES = {"@100ms", "", "@500ms"};
    private static final String[] KLINE_INTERVALS = {"1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h",
        "12h", "1d"};
    private static final long[] KLINE_INTERVAL_MS = {60_000L, 180_000L, 300_000L, 900_000L, 1_800_000L, 3_600_000L,
        7_200_000L, 14_400_000L, 21_600_000L, 28_800_000L, 43_200_000L, 86_400_000L};

    private final Object lock;
    private final StreamHub hub;
    private final SimClock clock;
    private final Map<String, SymbolMarket> symbols = new LinkedHashMap<>();
    private final SplittableRandom random;
    private final int minIdStep;
    private final int maxIdStep;
    private final boolean aggregateDepth;
    private MarketListener listener = MarketListener.NONE;

    BinanceMarket(final Object lock, final StreamHub hub, final BinanceSimConfig config) {
        this.lock = lock;
        this.hub = hub;
        this.clock = config.clock();
        this.random = new SplittableRandom(config.seed());
        this.minIdStep = config.minIdStep();
        this.maxIdStep = config.maxIdStep();
        this.aggregateDepth = config.aggregateDepth();
        for (final SimSymbol s : config.symbols()) {
            symbols.put(s.name(), new SymbolMarket(s, config.firstUpdateId()));
        }
    }

    void listener(final MarketListener listener) {
        this.listener = listener;
    }

    Object lock() {
        return lock;
    }

    /** The configured symbols, in configuration order. */
    public List<SimSymbol> symbols() {
        final List<SimSymbol> out = new ArrayList<>();
        for (final SymbolMarket m : symbols.values()) {
            out.add(m.symbol);
        }
        return out;
    }

    /** A configured symbol by (case-insensitive) name, or null. */
    public SimSymbol symbol(final String name) {
        final SymbolMarket m = symbols.get(name.toUpperCase(Locale.ROOT));
        return m == null ? null : m.symbol;
    }

    SymbolMarket state(final String name) {
        final SymbolMarket m = symbols.get(name.toUpperCase(Locale.ROOT));
        if (m == null) {
            throw new IllegalArgumentException("unknown symbol " + name + "; configured: " + symbols.keySet());
        }
        return m;
    }

    /** Builds a level pair for {@link #depthDiff}. */
    public static String[] level(final String price, final String qty) {
        return new String[] {price, qty};
    }

    /**
     * Sets absolute level quantities (zero removes a level) on the sim book and emits one depth event on every
     * diff-depth stream, the partial-depth streams and, when the top changed, bookTicker. Resting orders the new
     * book crosses are filled afterwards.
     *
     * @param bids {price, qty} string pairs
     * @param asks {price, qty} string pairs
     * @return the event's final update id {@code u}
     */
    public long depthDiff(final String symbol, final String[][] bids, final String[][] asks) {
        synchronized (lock) {
            final SymbolMarket m = state(symbol);
            final List<BigDecimal[]> b = parse(bids);
            final List<BigDecimal[]> a = parse(asks);
            final long u = applyDiff(m, b, a, clock.epochMillis());
            listener.onBookChanged(m);
            return u;
        }
    }

    private static List<BigDecimal[]> parse(final String[][] levels) {
        final List<BigDecimal[]> out = new ArrayList<>(levels.length);
        for (final String[] l : levels) {
            if (l.length != 2) {
                throw new IllegalArgumentException("a level is {price, qty}, got " + l.length + " values");
            }
            out.add(new BigDecimal[] {new BigDecimal(l[0]), new BigDecimal(l[1])});
        }
        return out;
    }

    /** Applies changes and emits the diff; the caller holds the lock. Returns u. */
    long applyDiff(final SymbolMarket m, final List<BigDecimal[]> bids, final List<BigDecimal[]> asks,
                   final long nowMs) {
        flushDue(nowMs);
        final BigDecimal[] topBefore = m.top();
        final long first = m.lastUpdateId + minIdStep + random.nextInt(maxIdStep - minIdStep + 1);
        final long last = first + Math.max(0, bids.size() + asks.size() - 1);
        if (aggregateDepth) {
            applyAndAggregate(m, first, last, nowMs, bids, asks);
        } else {
            applyAndSend(m, first, last, m.lastUpdateId, nowMs, nowMs, bids, asks);
        }
        emitDerived(m, topBefore, first, last, nowMs);
        return last;
    }

    /**
     * Applies a diff and merges it into the pending event of every update speed; a dropped diff makes the pending
     * events "sent but lost", so the next event of each speed has a {@code pu} the client never saw.
     */
    private void applyAndAggregate(final SymbolMarket m, final long first, final long last, final long nowMs,
                                   final List<BigDecimal[]> bids, final List<BigDecimal[]> asks) {
        setLevels(m, bids, asks);
        m.lastUpdateId = last;
        m.lastEventMs = nowMs;
        final boolean drop = m.dropNextDiff;
        if (drop) {
            m.dropNextDiff = false;
            m.droppedDiffs++;
        }
        for (int i = 0; i < m.pending.length; i++) {
            final PendingDepth p = m.pending[i];
            p.merge(first, last, nowMs, Math.floorDiv(nowMs, SPEED_PERIOD_MS[i]), bids, asks);
            if (drop) {
                p.done();
            }
        }
    }

    /**
     * Sends every periodic frame whose period has ended by venue time {@code nowMs} (see the class comment): aggregated
     * diffs, then partial books, per speed; klines whose interval ended, then kline updates; mark prices. Called before
     * every change (so a change of a new period never joins an old one) and by the server's timer.
     */
    void flushDue(final long nowMs) {
        synchronized (lock) {
            for (final SymbolMarket m : symbols.values()) {
                for (int i = 0; i < SPEED_PERIOD_MS.length; i++) {
                    final long period = Math.floorDiv(nowMs, SPEED_PERIOD_MS[i]);
                    final PendingDepth p = m.pending[i];
                    if (!p.isEmpty() && p.period != period) {
                        sendAggregated(m, i, p);
                    }
                    final SpeedIds ids = m.partial[i];
                    if (!ids.isEmpty() && ids.period != period) {
                        sendPartial(m, i, ids);
                    }
                }
                flushKlines(m, nowMs);
                flushMarkPrice(m, nowMs);
            }
        }
    }

    /** {@link #flushDue} at venue time now, read under the lock (a time read before it could be older than a change). */
    void flushDueNow() {
        synchronized (lock) {
            flushDue(clock.epochMillis());
        }
    }

    private void sendAggregated(final SymbolMarket m, final int speed, final PendingDepth p) {
        String payload = null;
        for (final String suffix : SPEED_STREAMS[speed]) {
            final String stream = m.symbol.streamName() + suffix;
            if (hub.hasSubscribers(WsRoute.PUBLIC, stream)) {
                if (payload == null) {
                    payload = depthJson(m, p.first, p.last, p.prev, p.eventMs, p.eventMs, p.levels(p.bids),
                        p.levels(p.asks));
                }
                hub.publish(WsRoute.PUBLIC, stream, payload);
            }
        }
        p.done();
    }

    private void sendPartial(final SymbolMarket m, final int speed, final SpeedIds ids) {
        for (final int depth : PARTIAL_DEPTHS) {
            final String stream = m.symbol.streamName() + "@depth" + depth + PARTIAL_SPEED_SUFFIXES[speed];
            if (hub.hasSubscribers(WsRoute.PUBLIC, stream)) {
                hub.publish(WsRoute.PUBLIC, stream, depthJson(m, ids.first, ids.last, ids.prev, ids.eventMs,
                    ids.eventMs, m.book.top(Side.BID, depth), m.book.top(Side.ASK, depth)));
            }
        }
        ids.done();
    }

    /** Applies a diff to the book, advances the chain and sends it unless a drop is armed; the caller holds the lock. */
    private void applyAndSend(final SymbolMarket m, final long first, final long last, final long prev,
                              final long eventMs, final long txMs, final List<BigDecimal[]> bids,
                              final List<BigDecimal[]> asks) {
        setLevels(m, bids, asks);
        m.lastUpdateId = last;
        m.lastEventMs = txMs;
        if (m.dropNextDiff) {
            m.dropNextDiff = false;
            m.droppedDiffs++;
        } else {
            emitDiff(m, first, last, prev, eventMs, txMs, bids, asks);
        }
    }

    private static void setLevels(final SymbolMarket m, final List<BigDecimal[]> bids, final List<BigDecimal[]> asks) {
        for (final BigDecimal[] l : bids) {
            m.book.set(Side.BID, l[0], l[1]);
        }
        for (final BigDecimal[] l : asks) {
            m.book.set(Side.ASK, l[0], l[1]);
        }
    }

    private void emitDiff(final SymbolMarket m, final long first, final long last, final long prev, final long eventMs,
                          final long txMs, final List<BigDecimal[]> bids, final List<BigDecimal[]> asks) {
        String payload = null;
        for (final String suffix : DIFF_SUFFIXES) {
            final String stream = m.symbol.streamName() + suffix;
            if (hub.hasSubscribers(WsRoute.PUBLIC, stream)) {
                if (payload == null) {
                    payload = depthJson(m, first, last, prev, eventMs, txMs, bids, asks);
                }
                hub.publish(WsRoute.PUBLIC, stream, payload);
            }
        }
    }

    /**
     * After a book change with ids {@code first..u}: notes it for the next partial-depth tick of every speed and, unless
     * {@code topBefore} is null, sends bookTicker; the caller holds the lock.
     */
    private void emitDerived(final SymbolMarket m, final BigDecimal[] topBefore, final long first, final long u,
                             final long nowMs) {
        for (int i = 0; i < m.partial.length; i++) {
            m.partial[i].note(first, u, nowMs, Math.floorDiv(nowMs, SPEED_PERIOD_MS[i]));
        }
        final BigDecimal[] topAfter = m.top();
        final String stream = m.symbol.streamName() + "@bookTicker";
        if (topBefore != null && !Arrays.equals(topBefore, topAfter) && hub.hasSubscribers(WsRoute.PUBLIC, stream)) {
            hub.publish(WsRoute.PUBLIC, stream, bookTickerJson(m, u, nowMs, topAfter));
        }
    }

    private static String depthJson(final SymbolMarket m, final long first, final long last, final long prev,
                                    final long eventMs, final long txMs, final List<BigDecimal[]> bids,
                                    final List<BigDecimal[]> asks) {
        final StringBuilder sb = new StringBuilder(64 + 32 * (bids.size() + asks.size()));
        sb.append("{\"e\":\"depthUpdate\",\"E\":").append(eventMs).append(",\"T\":").append(txMs)
            .append(",\"s\":\"").append(m.symbol.name()).append("\",\"U\":").append(first).append(",\"u\":")
            .append(last).append(",\"pu\":").append(prev).append(",\"b\":");
        levels(sb, m.symbol, bids);
        sb.append(",\"a\":");
        levels(sb, m.symbol, asks);
        return sb.append('}').toString();
    }

    static void levels(final StringBuilder sb, final SimSymbol s, final List<BigDecimal[]> levels) {
        sb.append('[');
        for (int i = 0; i < levels.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("[\"").append(s.formatPrice(levels.get(i)[0])).append("\",\"")
                .append(s.formatQty(levels.get(i)[1])).append("\"]");
        }
        sb.append(']');
    }

    private static String bookTickerJson(final SymbolMarket m, final long u, final long nowMs,
                                         final BigDecimal[] top) {
        final SimSymbol s = m.symbol;
        return "{\"e\":\"bookTicker\",\"u\":" + u + ",\"s\":\"" + s.name() + "\",\"b\":\""
            + s.formatPrice(orZero(top[0])) + "\",\"B\":\"" + s.formatQty(orZero(top[1])) + "\",\"a\":\""
            + s.formatPrice(orZero(top[2])) + "\",\"A\":\"" + s.formatQty(orZero(top[3])) + "\",\"T\":" + nowMs
            + ",\"E\":" + nowMs + '}';
    }

    private static BigDecimal orZero(final BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /**
     * A public trade: emits aggTrade (one trade id per call), updates every kline interval (a trade in a new
     * interval first emits the previous kline with {@code x:true}) and lets resting orders the price trades through
     * fill. The book is not changed.
     *
     * @param buyerIsMaker the venue's {@code m}: true when the aggressor sold
     * @return the aggregate trade id {@code a} of the aggTrade sent
     */
    public long trade(final String symbol, final String price, final String qty, final boolean buyerIsMaker) {
        synchronized (lock) {
            final SymbolMarket m = state(symbol);
            final BigDecimal p = new BigDecimal(price);
            final BigDecimal q = new BigDecimal(qty);
            emitTrade(m, p, q, buyerIsMaker, clock.epochMillis());
            final long aggId = m.lastAggTradeId;
            listener.onTrade(m, p, q);
            return aggId;
        }
    }

    /**
     * Emits aggTrade for one trade and adds it to the kline of every interval (a trade in a new interval first sends the
     * previous kline's closing frame); the kline updates go out at the end of the 250 ms period. The caller holds the
     * lock.
     */
    void emitTrade(final SymbolMarket m, final BigDecimal price, final BigDecimal qty, final boolean buyerIsMaker,
                   final long nowMs) {
        flushDue(nowMs);
        final long tradeId = ++m.lastTradeId;
        final long aggId = ++m.lastAggTradeId;
        m.lastPrice = price;
        final SimSymbol s = m.symbol;
        final String aggStream = s.streamName() + "@aggTrade";
        if (hub.hasSubscribers(WsRoute.MARKET, aggStream)) {
            hub.publish(WsRoute.MARKET, aggStream, "{\"e\":\"aggTrade\",\"E\":" + nowMs + ",\"s\":\"" + s.name()
                + "\",\"a\":" + aggId + ",\"p\":\"" + s.formatPrice(price) + "\",\"q\":\"" + s.formatQty(qty)
                + "\",\"f\":" + tradeId + ",\"l\":" + tradeId + ",\"T\":" + nowMs + ",\"m\":" + buyerIsMaker + '}');
        }
        for (int i = 0; i < KLINE_INTERVALS.length; i++) {
            updateKline(m, i, price, qty, buyerIsMaker, tradeId, nowMs);
        }
    }

    private void updateKline(final SymbolMarket m, final int interval, final BigDecimal price, final BigDecimal qty,
                             final boolean buyerIsMaker, final long tradeId, final long nowMs) {
        final long lengthMs = KLINE_INTERVAL_MS[interval];
        final long openMs = nowMs - Math.floorMod(nowMs, lengthMs);
        Kline k = m.klines[interval];
        if (k != null && k.openMs != openMs) {
            publishKline(m, interval, k, nowMs, true);
            k = null;
        }
        if (k == null) {
            k = new Kline(openMs, price, tradeId);
            m.klines[interval] = k;
        }
        k.add(price, qty, buyerIsMaker, tradeId);
        k.dirtyPeriod = Math.floorDiv(nowMs, KLINE_PERIOD_MS);
        k.dirty = true;
    }

    /**
     * Sends every periodic frame due by venue time {@code nowMs} ({@link #flushDue}): closes the klines whose interval
     * has ended ({@code x:true}, even when no trade follows), sends the kline updates, aggregated diffs, partial books and
     * mark prices whose period has ended. The server's timer calls it every 50 ms; a generator on simulated time calls
     * it at each model second.
     */
    public void closeDueKlines(final long nowMs) {
        flushDue(nowMs);
    }

    /** Closes the klines whose interval ended, then sends the updates of the klines a trade changed in an ended period. */
    private void flushKlines(final SymbolMarket m, final long nowMs) {
        final long period = Math.floorDiv(nowMs, KLINE_PERIOD_MS);
        for (int i = 0; i < KLINE_INTERVALS.length; i++) {
            final Kline k = m.klines[i];
            if (k == null) {
                continue;
            }
            if (nowMs >= k.openMs + KLINE_INTERVAL_MS[i] || nowMs < k.openMs) {
                publishKline(m, i, k, nowMs, true);
                m.klines[i] = null;
            } else if (k.dirty && k.dirtyPeriod != period) {
                publishKline(m, i, k, (k.dirtyPeriod + 1) * KLINE_PERIOD_MS, false);
                k.dirty = false;
            }
        }
    }

    private void publishKline(final SymbolMarket m, final int interval, final Kline k, final long eventMs,
                              final boolean closed) {
        k.dirty = false;
        final String stream = m.symbol.streamName() + "@kline_" + KLINE_INTERVALS[interval];
        if (hub.hasSubscribers(WsRoute.MARKET, stream)) {
            hub.publish(WsRoute.MARKET, stream, k.json(m.symbol, KLINE_INTERVALS[interval], KLINE_INTERVAL_MS[interval],
                eventMs, closed));
        }
    }

    /**
     * Sets mark price, index price and funding. They go out on the streams' schedule in venue time: each second on
     * {@code @markPrice@1s}, every third second on {@code @markPrice} (the first frame at the next boundary).
     */
    public void markPrice(final String symbol, final String mark, final String index, final String fundingRate,
                          final long nextFundingTimeMs) {
        synchronized (lock) {
            final long nowMs = clock.epochMillis();
            flushDue(nowMs);
            final SymbolMarket m = state(symbol);
            if (m.markPrice == null) {
                m.markFastPeriod = Math.floorDiv(nowMs, MARK_FAST_MS);
                m.markSlowPeriod = Math.floorDiv(nowMs, MARK_SLOW_MS);
            }
            m.markPrice = new BigDecimal(mark);
            m.indexPrice = index;
            m.fundingRate = fundingRate;
            m.nextFundingTimeMs = nextFundingTimeMs;
        }
    }

    /** Sends the mark price on each stream whose period (1 s, 3 s of venue time) changed since its last frame. */
    private void flushMarkPrice(final SymbolMarket m, final long nowMs) {
        if (m.markPrice == null) {
            return;
        }
        final long fast = Math.floorDiv(nowMs, MARK_FAST_MS);
        if (fast != m.markFastPeriod) {
            m.markFastPeriod = fast;
            publishMarkPrice(m, "@markPrice@1s", fast * MARK_FAST_MS);
        }
        final long slow = Math.floorDiv(nowMs, MARK_SLOW_MS);
        if (slow != m.markSlowPeriod) {
            m.markSlowPeriod = slow;
            publishMarkPrice(m, "@markPrice", slow * MARK_SLOW_MS);
        }
    }

    private void publishMarkPrice(final SymbolMarket m, final String suffix, final long eventMs) {
        final SimSymbol s = m.symbol;
        final String stream = s.streamName() + suffix;
        if (!hub.hasSubscribers(WsRoute.MARKET, stream)) {
            return;
        }
        final String mark = m.markPrice.toPlainString();
        hub.publish(WsRoute.MARKET, stream, "{\"e\":\"markPriceUpdate\",\"E\":" + eventMs + ",\"s\":\"" + s.name()
            + "\",\"p\":\"" + mark + "\",\"i\":\"" + m.indexPrice + "\",\"P\":\"" + mark + "\",\"r\":\""
            + m.fundingRate + "\",\"T\":" + m.nextFundingTimeMs + '}');
    }

    /** Sets the open interest {@code GET /fapi/v1/openInterest} answers. */
    public void openInterest(final String symbol, final String openInterest) {
        synchronized (lock) {
            state(symbol).openInterest = new BigDecimal(openInterest);
        }
    }

    /** Makes the next depth diff of {@code symbol} apply to the book but not be sent (the chain gets a gap). */
    public void dropNextDepthDiff(final String symbol) {
        synchronized (lock) {
            state(symbol).dropNextDiff = true;
        }
    }

    /** Depth diffs swallowed by {@link #dropNextDepthDiff}. */
    public int droppedDiffs(final String symbol) {
        synchronized (lock) {
            return state(symbol).droppedDiffs;
        }
    }

    /** The {@code u} of the last depth event (sent or dropped): what a REST snapshot reports as lastUpdateId. */
    public long lastUpdateId(final String symbol) {
        synchronized (lock) {
            return state(symbol).lastUpdateId;
        }
    }

    /** A copy of the sim book: {price, qty} pairs, best first. */
    public List<BigDecimal[]> bookSide(final String symbol, final Side side) {
        synchronized (lock) {
            return state(symbol).book.top(side, Integer.MAX_VALUE);
        }
    }

    /** The REST depth answer: {@code lastUpdateId}, {@code E}, {@code T}, bids and asks as string pairs. */
    String depthSnapshotJson(final String symbol, final int limit) {
        synchronized (lock) {
            final SymbolMarket m = state(symbol);
            final long nowMs = clock.epochMillis();
            final StringBuilder sb = new StringBuilder(256 + 40 * limit);
            sb.append("{\"lastUpdateId\":").append(m.lastUpdateId).append(",\"E\":").append(nowMs)
                .append(",\"T\":").append(m.lastEventMs == 0 ? nowMs : m.lastEventMs).append(",\"bids\":");
            levels(sb, m.symbol, m.book.top(Side.BID, limit));
            sb.append(",\"asks\":");
            levels(sb, m.symbol, m.book.top(Side.ASK, limit));
            return sb.append('}').toString();
        }
    }

    String openInterestJson(final String symbol) {
        synchronized (lock) {
            final SymbolMarket m = state(symbol);
            return "{\"openInterest\":\"" + m.openInterest.setScale(m.symbol.qtyDecimals(), RoundingMode.HALF_EVEN)
                .toPlainString() + "\",\"symbol\":\"" + m.symbol.name() + "\",\"time\":" + clock.epochMillis() + '}';
        }
    }

    // ---- capture playback ------------------------------------------------------------------------------------

    /**
     * Replaces the book with a captured REST snapshot, then re-applies (without sending) the diffs already streamed
     * that are newer than it, as a client syncing from that snapshot would; later diffs with
     * {@code u <= lastUpdateId} are stale and leave the book alone.
     */
    void captureSnapshot(final String symbol, final long lastUpdateId, final List<BigDecimal[]> bids,
                         final List<BigDecimal[]> asks, final Collection<CapturedDiff> streamedBefore) {
        synchronized (lock) {
            final SymbolMarket m = state(symbol);
            m.book.clear();
            setLevels(m, bids, asks);
            m.lastUpdateId = lastUpdateId;
            for (final CapturedDiff d : streamedBefore) {
                if (d.last() > m.lastUpdateId) {
                    setLevels(m, d.bids(), d.asks());
                    m.lastUpdateId = d.last();
                }
            }
            m.snapshotSeen = true;
        }
    }

    /** A captured depth diff: ids, times and absolute level quantities. */
    record CapturedDiff(long first, long last, long prev, long eventMs, long txMs, List<BigDecimal[]> bids,
                        List<BigDecimal[]> asks) {
    }

    /**
     * Streams a captured depth diff with its own ids and, when it is newer than the book, applies it so REST
     * snapshots stay consistent with what was streamed.
     */
    void captureDiff(final String symbol, final CapturedDiff d) {
        final long first = d.first();
        final long last = d.last();
        final long prev = d.prev();
        final long eventMs = d.eventMs();
        final long txMs = d.txMs();
        final List<BigDecimal[]> bids = d.bids();
        final List<BigDecimal[]> asks = d.asks();
        synchronized (lock) {
            final SymbolMarket m = state(symbol);
            if (last > m.lastUpdateId || !m.snapshotSeen) {
                applyAndSend(m, first, last, prev, eventMs, txMs, bids, asks);
                // the capture carries its own bookTicker frames: only partial depth is derived
                emitDerived(m, null, first, last, eventMs);
                listener.onBookChanged(m);
            } else {
                emitDiff(m, first, last, prev, eventMs, txMs, bids, asks);
            }
        }
    }

    /** Streams a captured frame of another kind (bookTicker, trade, aggTrade, ...) unchanged. */
    void captureFrame(final String stream, final String dataJson) {
        synchronized (lock) {
            hub.publish(WsRoute.ofStream(stream), stream, dataJson);
        }
    }

    /** Hooks the account into book changes and trades; called with the lock held. */
    interface MarketListener {
        MarketListener NONE = new MarketListener() {
            @Override
            public void onBookChanged(final SymbolMarket market) {
            }

            @Override
            public void onTrade(final SymbolMarket market, final BigDecimal price, final BigDecimal qty) {
            }
        };

        void onBookChanged(SymbolMarket market);

        void onTrade(SymbolMarket market, BigDecimal price, BigDecimal qty);
    }

    /** Mutable per-symbol market state, guarded by the market lock. */
    static final class SymbolMarket {
        final SimSymbol symbol;
        final L2Book book = new L2Book();
        final Kline[] klines = new Kline[KLINE_INTERVALS.length];
        final PendingDepth[] pending = new PendingDepth[SPEED_STREAMS.length];
        final SpeedIds[] partial = new SpeedIds[SPEED_PERIOD_MS.length];
        long lastUpdateId;
        long lastEventMs;
        long lastTradeId;
        long lastAggTradeId;
        boolean dropNextDiff;
        boolean snapshotSeen;
        int droppedDiffs;
        BigDecimal lastPrice;
        BigDecimal markPrice;
        String indexPrice;
        String fundingRate;
        long nextFundingTimeMs;
        /** The venue second (and 3 s period) of the last mark price frame of each stream. */
        long markFastPeriod;
        long markSlowPeriod;
        BigDecimal openInterest = BigDecimal.ZERO;

        SymbolMarket(final SimSymbol symbol, final long firstUpdateId) {
            this.symbol = symbol;
            this.lastUpdateId = firstUpdateId;
            for (int i = 0; i < pending.length; i++) {
                pending[i] = new PendingDepth(firstUpdateId);
            }
            for (int i = 0; i < partial.length; i++) {
                partial[i] = new SpeedIds(firstUpdateId);
            }
        }

        /** {bidPrice, bidQty, askPrice, askQty}, nulls for an empty side. */
        BigDecimal[] top() {
            final Map.Entry<BigDecimal, BigDecimal> b = book.best(Side.BID);
            final Map.Entry<BigDecimal, BigDecimal> a = book.best(Side.ASK);
            return new BigDecimal[] {b == null ? null : b.getKey(), b == null ? null : b.getValue(),
                a == null ? null : a.getKey(), a == null ? null : a.getValue()};
        }

        /** Mark price, else last trade, else mid, else null. */
        BigDecimal referencePrice() {
            if (markPrice != null) {
                return markPrice;
            }
            if (lastPrice != null) {
                return lastPrice;
            }
            final BigDecimal[] t = top();
            if (t[0] != null && t[2] != null) {
                return t[0].add(t[2]).divide(BigDecimal.valueOf(2));
            }
            return null;
        }
    }

    /**
     * The ids of one update speed's book changes since its last event: the {@code U}, {@code u} and {@code pu} of the
     * next event of that speed (a partial book, or an aggregated diff).
     */
    private static class SpeedIds {
        long first = -1;
        long last;
        long prev;
        long eventMs;
        /** The speed's period (venue ms / period length) the pending changes belong to. */
        long period;

        SpeedIds(final long prev) {
            this.prev = prev;
        }

        void note(final long firstId, final long lastId, final long nowMs, final long nowPeriod) {
            if (first < 0) {
                first = firstId;
                period = nowPeriod;
            }
            last = lastId;
            eventMs = nowMs;
        }

        boolean isEmpty() {
            return first < 0;
        }

        /** The event went out (or was lost): the next one links to its last id. */
        void done() {
            prev = last;
            first = -1;
        }
    }

    /** The changes of one update speed since its last event, merged level by level. */
    private static final class PendingDepth extends SpeedIds {
        final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
        final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

        PendingDepth(final long prev) {
            super(prev);
        }

        void merge(final long firstId, final long lastId, final long nowMs, final long nowPeriod,
                   final List<BigDecimal[]> bidChanges, final List<BigDecimal[]> askChanges) {
            note(firstId, lastId, nowMs, nowPeriod);
            for (final BigDecimal[] l : bidChanges) {
                bids.put(l[0], l[1]);
            }
            for (final BigDecimal[] l : askChanges) {
                asks.put(l[0], l[1]);
            }
        }

        List<BigDecimal[]> levels(final NavigableMap<BigDecimal, BigDecimal> side) {
            final List<BigDecimal[]> out = new ArrayList<>(side.size());
            for (final Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
                out.add(new BigDecimal[] {e.getKey(), e.getValue()});
            }
            return out;
        }

        @Override
        void done() {
            super.done();
            bids.clear();
            asks.clear();
        }
    }

    /** One kline being built from trades. */
    private static final class Kline {
        final long openMs;
        final long firstTradeId;
        final BigDecimal open;
        BigDecimal high;
        BigDecimal low;
        BigDecimal close;
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal quoteVolume = BigDecimal.ZERO;
        BigDecimal takerBuyVolume = BigDecimal.ZERO;
        BigDecimal takerBuyQuote = BigDecimal.ZERO;
        long lastTradeId;
        int trades;
        /** A trade changed the kline since its last frame, in the 250 ms period {@code dirtyPeriod}. */
        boolean dirty;
        long dirtyPeriod;

        Kline(final long openMs, final BigDecimal open, final long firstTradeId) {
            this.openMs = openMs;
            this.open = open;
            this.high = open;
            this.low = open;
            this.close = open;
            this.firstTradeId = firstTradeId;
        }

        void add(final BigDecimal price, final BigDecimal qty, final boolean buyerIsMaker, final long tradeId) {
            high = high.max(price);
            low = low.min(price);
            close = price;
            volume = volume.add(qty);
            final BigDecimal quote = price.multiply(qty);
            quoteVolume = quoteVolume.add(quote);
            if (!buyerIsMaker) {
                takerBuyVolume = takerBuyVolume.add(qty);
                takerBuyQuote = takerBuyQuote.add(quote);
            }
            lastTradeId = tradeId;
            trades++;
        }

        String json(final SimSymbol s, final String interval, final long lengthMs, final long nowMs,
                    final boolean closed) {
            return "{\"e\":\"kline\",\"E\":" + nowMs + ",\"s\":\"" + s.name() + "\",\"k\":{\"t\":" + openMs
                + ",\"T\":" + (openMs + lengthMs - 1) + ",\"s\":\"" + s.name() + "\",\"i\":\"" + interval
                + "\",\"f\":" + firstTradeId + ",\"L\":" + lastTradeId + ",\"o\":\"" + s.formatPrice(open)
                + "\",\"c\":\"" + s.formatPrice(close) + "\",\"h\":\"" + s.formatPrice(high) + "\",\"l\":\""
                + s.formatPrice(low) + "\",\"v\":\"" + s.formatQty(volume) + "\",\"n\":" + trades + ",\"x\":"
                + closed + ",\"q\":\"" + quoteVolume.setScale(4, RoundingMode.HALF_EVEN).toPlainString()
                + "\",\"V\":\"" + s.formatQty(takerBuyVolume) + "\",\"Q\":\""
                + takerBuyQuote.setScale(4, RoundingMode.HALF_EVEN).toPlainString() + "\",\"B\":\"0\"}}";
        }
    }
}
