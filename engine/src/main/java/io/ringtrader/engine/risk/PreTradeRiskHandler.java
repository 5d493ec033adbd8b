package io.ringtrader.engine.risk;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.MarketState;
import io.ringtrader.engine.event.OperatorCommand;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderIntent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.RiskStage;
import io.ringtrader.engine.strategy.StrategyContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre-trade checks every intent passes before it may reach a venue, in this order (the first that
 * fails names the rejection):
 * <ol>
 *   <li>{@link RiskDecision#INVALID_ORDER}: unknown instrument, or not a positive quantity on the lot grid,
 *       or a limit price not positive on the tick grid (the quantity and price checks come after the venue checks);</li>
 *   <li>{@link RiskDecision#VENUE_NOT_ENABLED}: the instrument's venue takes no orders in this session (live: its
 *       {@code venues.<name>.enabled} is false; cancels are refused too);</li>
 *   <li>{@link RiskDecision#TRADING_HALTED}: the engine's {@link TradingStates trading state} is
 *       {@link TradingState#HALTED} (cancels are refused too);</li>
 *   <li>{@link RiskDecision#VENUE_HALTED}: the instrument's venue halted its order entry
 *       ({@link GatewayStatus#ORDER_ENTRY_HALTED}; cancels are refused too);</li>
 *   <li>{@link RiskDecision#KILL_SWITCH}: the {@link KillSwitch} is tripped;</li>
 *   <li>{@link RiskDecision#STRATEGY_PAUSED}: the intent's strategy is paused after
 *       {@code risk.maxConsecutiveVenueRejects} venue rejects in a row ({@link StrategyPauses}) and not resumed;</li>
 *   <li>{@link RiskDecision#REDUCE_ONLY}: the trading state is {@link TradingState#REDUCING} and the order does not
 *       reduce the filled position (it must be on the other side of it and no larger);</li>
 *   <li>{@link RiskDecision#BOOK_NOT_VALID}: the instrument's book is not {@link BookState#VALID} as last
 *       reported by the book stage;</li>
 *   <li>{@link RiskDecision#BOOK_STALE}: no market event (book update, BBO, trade) for the instrument within
 *       {@code maxBookAge} of the intent's event time;</li>
 *   <li>the venue's filters of the instrument ({@link Instrument#filters()}, {@code instruments[i].filters}), as the
 *       venue would refuse the order: {@link RiskDecision#ABOVE_VENUE_MAX_QTY} (a LIMIT order above maxQty, a MARKET
 *       order above marketMaxQty), {@link RiskDecision#PRICE_OUT_OF_BAND} (a LIMIT price below minPrice or above
 *       maxPrice, or a BUY above reference × priceBand.up, a SELL below reference × priceBand.down),
 *       {@link RiskDecision#BELOW_MIN_NOTIONAL} (price × quantity × contract size below minNotional, a MARKET order
 *       valued at the reference; reduce-only orders are exempt). The reference price is the last mark price of the
 *       instrument, else the mid of its last valid book view; without either an order is refused by a band or a
 *       minimum notional it cannot be checked against;</li>
 *   <li>{@link RiskDecision#MAX_ORDER_QTY}: quantity above the instrument's limit;</li>
 *   <li>{@link RiskDecision#MAX_POSITION}: the filled position plus the order would exceed the limit in
 *       absolute value (an order that reduces the absolute position passes);</li>
 *   <li>{@link RiskDecision#MAX_ORDER_RATE}: {@code maxOrdersPerSecond} new orders were already accepted within
 *       the last second of event time.</li>
 * </ol>
 * Cancels are accepted for known instruments, kill switch or reducing state or not: they only reduce risk.
 *
 * <p>An {@link EventKind#ENGINE_STATUS} event (journal failed, disk space low, critical or recovered) changes the
 * {@link TradingStates}; a {@link GatewayStatus#ORDER_ENTRY_HALTED} status halts its venue for the session. Both
 * take effect when this stage reaches the event, like operator commands. Gateway statuses and execution-report
 * rejects also feed the {@link VenueStates} (connections, halts, venue rejects by code) and the
 * {@link StrategyPauses}; an {@link OperatorCommand#STRATEGY_RESUME} resumes paused strategies.
 *
 * <p>Positions ({@link PositionKeeper}, one per instrument) follow the fills of EXECUTION_REPORT events and
 * are valued at the book mid of each event whose book view is valid (or the mark price before any mid).
 * After each event the session PnL (realised + unrealised, all instruments) is checked against
 * {@code maxSessionLoss}; at or below minus the limit, the kill switch trips. Event time is the event's
 * receive time (journaled, so a replay decides identically). Decisions are counted per reason.
 *
 * <p>An {@link EventKind#OPERATOR} event trips ({@link OperatorCommand#KILL_SWITCH_TRIP}, with the reason
 * {@code operator: kill switch tripped (JMX)}) or resets the kill switch when this stage reaches it: intents of
 * earlier events were decided before it, intents of later ones after it, live and in replay alike. The reason
 * depends only on the event, so the status line shows the same text live and after a replay.
 *
 * <p>Runs on the risk stage's thread only; allocation-free per event (except a log line when the kill
 * switch changes). The counters, positions' snapshots and the kill switch may be read from any thread.
 */
public final class PreTradeRiskHandler implements RiskStage {
    private static final Logger LOG = LoggerFactory.getLogger(PreTradeRiskHandler.class);
    private static final RiskDecision[] DECISIONS = RiskDecision.values();
    private static final BookState[] BOOK_STATES = BookState.values();
    private static final long SECOND_NS = 1_000_000_000L;
    /** The kill switch reason of an operator's trip over JMX. */
    public static final String JMX_TRIP_REASON = "operator: kill switch tripped (JMX)";

    private final InstrumentRegistry instruments;
    private final RiskLimits limits;
    private final KillSwitch killSwitch;
    private final TradingStates tradingStates = new TradingStates();
    /** Each venue's connections, order-entry halt and venue rejects by code; risk thread writes, any thread reads. */
    private final VenueStates venues = new VenueStates();
    private final StrategyPauses pauses;
    /** By venue id: whether the venue takes orders in this session (a venue stage sends them). */
    private final boolean[] orderVenues;
    private final BookState[] bookStates;
    /** {@link #bookStates} as ordinals (-1: none yet), for other threads; written when a state changes. */
    private final AtomicIntegerArray bookStateView;
    private final long[] lastMarketNs;
    /** Last mark price mantissa per instrument, 0 before one; the venue's PERCENT_PRICE reference. */
    private final long[] markPrices;
    private final PositionKeeper[] positions;
    private final long[] recentOrderNs;
    /** Written by the risk thread only (release stores, no read-modify-write); read by any thread. */
    private final AtomicLongArray decisionCounts = new AtomicLongArray(DECISIONS.length);
    private int recentHead;
    private int recentCount;
    private volatile double sessionPnl;
    /** Best bid and ask mantissas per instrument as of the last valid book view (0: none yet); any thread reads. */
    private final AtomicLongArray topOfBook;
    private volatile long fills;

    /** Only the order, book and kill switch checks; no limits. */
    public PreTradeRiskHandler(final InstrumentRegistry instruments) {
        this(instruments, RiskLimits.none(instruments.count()), new KillSwitch());
    }

    /**
     * @param limits     per-instrument limits for {@code instruments}.
     * @param killSwitch shared with whoever may trip or reset it by hand.
     */
    public PreTradeRiskHandler(final InstrumentRegistry instruments, final RiskLimits limits, final KillSwitch killSwitch) {
        this(instruments, limits, killSwitch, StrategyPauses.none());
    }

    /**
     * @param limits     per-instrument limits for {@code instruments}.
     * @param killSwitch shared with whoever may trip or reset it by hand.
     * @param pauses     the strategy-pause rule ({@code risk.maxConsecutiveVenueRejects}) and the strategies it knows.
     */
    public PreTradeRiskHandler(final InstrumentRegistry instruments, final RiskLimits limits, final KillSwitch killSwitch,
        final StrategyPauses pauses) {
        this(instruments, limits, killSwitch, pauses, EnumSet.allOf(Venue.class));
    }

    /**
     * @param limits      per-instrument limits for {@code instruments}.
     * @param killSwitch  shared with whoever may trip or reset it by hand.
     * @param pauses      the strategy-pause rule ({@code risk.maxConsecutiveVenueRejects}) and the strategies it knows.
     * @param orderVenues the venues that take orders in this session (live: the enabled ones; paper: every venue, the
     *                    paper venue fills them all); a command for any other is {@link RiskDecision#VENUE_NOT_ENABLED}.
     */
    public PreTradeRiskHandler(final InstrumentRegistry instruments, final RiskLimits limits, final KillSwitch killSwitch,
        final StrategyPauses pauses, final Set<Venue> orderVenues) {
        if (limits.instrumentCount() != instruments.count()) {
            throw new IllegalArgumentException("limits for " + limits.instrumentCount() + " instruments, registry has "
                + instruments.count());
        }
        this.instruments = instruments;
        this.limits = limits;
        this.killSwitch = killSwitch;
        this.pauses = pauses;
        int maxVenueId = 0;
        for (final Venue venue : Venue.values()) {
            maxVenueId = Math.max(maxVenueId, venue.id());
        }
        this.orderVenues = new boolean[maxVenueId + 1];
        for (final Venue venue : orderVenues) {
            this.orderVenues[venue.id()] = true;
        }
        final int count = instruments.count();
        this.bookStates = new BookState[count];
        Arrays.fill(bookStates, BookState.AWAITING_SNAPSHOT);
        this.bookStateView = new AtomicIntegerArray(count);
        for (int id = 0; id < count; id++) {
            bookStateView.set(id, -1);
        }
        this.lastMarketNs = new long[count];
        this.markPrices = new long[count];
        Arrays.fill(lastMarketNs, Long.MIN_VALUE);
        this.positions = new PositionKeeper[count];
        for (int id = 0; id < count; id++) {
            positions[id] = new PositionKeeper(instruments.byId(id));
        }
        this.recentOrderNs = new long[Math.max(1, limits.maxOrdersPerSecond())];
        this.topOfBook = new AtomicLongArray(2 * count);
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        final int instrumentId = event.instrumentId;
        if (instrumentId >= 0 && instrumentId < bookStates.length) {
            track(event, instrumentId);
        } else if (event.kind == EventKind.OPERATOR) {
            operatorCommand(event, sequence);
        } else if (event.kind == EventKind.ENGINE_STATUS) {
            engineStatus(event, sequence);
        }
        if (event.kind == EventKind.GATEWAY_STATUS || event.kind == EventKind.EXECUTION_REPORT) {
            venueEvent(event, sequence);
        }
        for (int i = 0; i < event.intentCount; i++) {
            final OrderIntent intent = event.intents[i];
            intent.decision = decide(intent, event.receiveTimeNs);
            final int slot = intent.decision.ordinal();
            decisionCounts.setRelease(slot, decisionCounts.getPlain(slot) + 1);
        }
    }

    /** Intents decided with this outcome so far; any thread. */
    public long count(final RiskDecision decision) {
        return decisionCounts.get(decision.ordinal());
    }

    /** Intents rejected so far, all reasons; any thread. */
    public long rejected() {
        long total = 0;
        for (final RiskDecision decision : DECISIONS) {
            if (decision != RiskDecision.ACCEPTED && decision != RiskDecision.PENDING) {
                total += decisionCounts.get(decision.ordinal());
            }
        }
        return total;
    }

    /** Fills seen in execution reports so far; any thread. */
    public long fills() {
        return fills;
    }

    /** Best bid mantissa of the instrument's last valid book view, 0 before one; any thread. */
    public long bestBid(final int instrumentId) {
        return topOfBook.get(2 * instrumentId);
    }

    /** Best ask mantissa of the instrument's last valid book view, 0 before one; any thread. */
    public long bestAsk(final int instrumentId) {
        return topOfBook.get(2 * instrumentId + 1);
    }

    public KillSwitch killSwitch() {
        return killSwitch;
    }

    /** The engine-wide trading state and its reason; any thread. */
    public TradingStates tradingStates() {
        return tradingStates;
    }

    /** True when the venue takes orders in this session (else {@link RiskDecision#VENUE_NOT_ENABLED}); any thread. */
    public boolean takesOrders(final Venue venue) {
        return orderVenues[venue.id()];
    }

    /** True once the venue's order entry halted (see {@link GatewayStatus#ORDER_ENTRY_HALTED}); any thread. */
    public boolean isVenueHalted(final int venueId) {
        return venues.isOrderEntryHalted(venueId);
    }

    /** Each venue's connections, order-entry halt and venue rejects by code, as of the last event; any thread. */
    public VenueStates venues() {
        return venues;
    }

    /** The strategy-pause rule and which strategies it paused; any thread reads. */
    public StrategyPauses pauses() {
        return pauses;
    }

    /**
     * The instrument's book state as last reported by the book stage, or null before any event of the instrument;
     * any thread.
     */
    public BookState bookState(final int instrumentId) {
        final int ordinal = bookStateView.get(instrumentId);
        return ordinal < 0 ? null : BOOK_STATES[ordinal];
    }

    public RiskLimits limits() {
        return limits;
    }

    /** The position of an instrument; its accessors are for the risk thread, its snapshot for any thread. */
    public PositionKeeper position(final int instrumentId) {
        return positions[instrumentId];
    }

    /** Snapshots of every instrument's position, by instrument id; any thread. */
    public List<PositionKeeper.Snapshot> positionSnapshots() {
        final List<PositionKeeper.Snapshot> list = new ArrayList<>(positions.length);
        for (final PositionKeeper keeper : positions) {
            list.add(keeper.snapshot());
        }
        return list;
    }

    /** Realised plus unrealised PnL of the session over all instruments, after the last event; any thread. */
    public double sessionPnl() {
        return sessionPnl;
    }

    private void track(final InboundEvent event, final int instrumentId) {
        if (event.bookState != null && bookStateView.getPlain(instrumentId) != event.bookState.ordinal()) {
            bookStates[instrumentId] = event.bookState;
            bookStateView.setRelease(instrumentId, event.bookState.ordinal());
        }
        final EventKind kind = event.kind;
        boolean changed = false;
        if (kind == EventKind.BOOK_SNAPSHOT || kind == EventKind.BOOK_DELTA || kind == EventKind.BBO || kind == EventKind.TRADE) {
            lastMarketNs[instrumentId] = event.receiveTimeNs;
        }
        final boolean marked = MarketState.has(event, MarketState.MARK_PRICE) && event.markPrice > 0;
        if (marked) {
            markPrices[instrumentId] = event.markPrice;
        }
        final PositionKeeper keeper = positions[instrumentId];
        if (kind == EventKind.EXECUTION_REPORT && event.execType == ExecType.FILL && event.lastFillQty > 0) {
            keeper.onFill(event.execSide, event.lastFillPrice, event.lastFillQty, event.execFee);
            fills++;
            changed = true;
        }
        // Every event of the instrument carries the book view, execution reports included.
        if (event.bookState == BookState.VALID && event.bookBidLevels > 0 && event.bookAskLevels > 0) {
            topOfBook.lazySet(2 * instrumentId, event.bookBidPrices[0]);
            topOfBook.lazySet(2 * instrumentId + 1, event.bookAskPrices[0]);
            keeper.onMark((event.bookBidPrices[0] + event.bookAskPrices[0]) * 0.5);
            changed |= keeper.qty() != 0;
        } else if (marked && !keeper.hasMark()) {
            keeper.onMark(event.markPrice);
            changed |= keeper.qty() != 0;
        }
        if (changed) {
            checkSessionLoss();
        }
    }

    private void operatorCommand(final InboundEvent event, final long sequence) {
        if (event.operatorCommand == OperatorCommand.KILL_SWITCH_TRIP) {
            final String reason = operatorTripReason(event.operatorSource);
            if (killSwitch.trip(reason)) {
                LOG.warn("kill switch tripped: {} (event seq {})", reason, sequence);
            } else {
                LOG.info("operator kill switch trip (event seq {}): already tripped: {}", sequence, killSwitch.reason());
            }
        } else if (event.operatorCommand == OperatorCommand.KILL_SWITCH_RESET) {
            final String was = killSwitch.reason();
            killSwitch.reset();
            if (was != null) {
                LOG.warn("kill switch reset by the operator (event seq {}); it was tripped: {}", sequence, was);
            }
        } else if (event.operatorCommand == OperatorCommand.STRATEGY_RESUME) {
            final int target = event.operatorTarget;
            final int resumed = pauses.resume(target);
            LOG.warn("operator: resume {} (event seq {}): {} paused strateg{} resumed",
                target == OperatorCommand.ALL_STRATEGIES ? "every strategy" : "strategy " + strategyName(target),
                sequence, resumed, resumed == 1 ? "y" : "ies");
        }
    }

    private String strategyName(final int strategyId) {
        return strategyId >= 0 && strategyId < pauses.strategyCount()
            ? pauses.name(strategyId) + " (id " + strategyId + ")" : "id " + strategyId + " (not configured)";
    }

    private void engineStatus(final InboundEvent event, final long sequence) {
        final TradingState before = tradingStates.state();
        if (tradingStates.apply(event)) {
            final TradingState after = tradingStates.state();
            if (after == TradingState.ACTIVE) {
                LOG.warn("trading state {} -> ACTIVE ({} {}, event seq {})", before, event.engineStatus, event.statusDetail,
                    sequence);
            } else {
                LOG.warn("trading state {} -> {}: {} (event seq {})", before, after, tradingStates.reason(), sequence);
            }
        }
    }

    private void venueEvent(final InboundEvent event, final long sequence) {
        if (venues.apply(event)) {
            // The gateway that halted logged the alert (one ERROR line with the venue's message); this is its effect.
            LOG.warn("venue {} order entry halted (venue code {}, event seq {}): every further command for it is refused "
                + "(VENUE_HALTED)", venueName(event.venueId), event.statusDetail, sequence);
        }
        if (event.kind == EventKind.EXECUTION_REPORT && pauses.onExecutionReport(event)) {
            final int strategyId = StrategyContext.strategyIdOf(event.clientOrderId);
            LOG.warn("strategy {} paused after {} consecutive venue rejects (last: {} code {}, event seq {}); its new "
                + "orders are refused (STRATEGY_PAUSED) until an operator resumes it (JMX resumeStrategy)",
                strategyName(strategyId), pauses.consecutiveRejects(strategyId), venueName(event.venueId),
                event.rejectCode, sequence);
        }
    }

    private static String venueName(final int venueId) {
        for (final Venue venue : Venue.values()) {
            if (venue.id() == venueId) {
                return venue.configName();
            }
        }
        return "id " + venueId;
    }

    /** The kill switch reason of an operator's trip: a function of the journaled event only. */
    private static String operatorTripReason(final int source) {
        return source == OperatorCommand.SOURCE_JMX ? JMX_TRIP_REASON : "operator: kill switch tripped (source " + source + ")";
    }

    private void checkSessionLoss() {
        double total = 0;
        for (final PositionKeeper keeper : positions) {
            total += keeper.netRealisedPnl() + keeper.unrealisedPnl();
        }
        sessionPnl = total;
        if (total <= -limits.maxSessionLoss() && !killSwitch.isTripped()) {
            final String reason = "session loss limit: PnL " + total + " <= -" + limits.maxSessionLoss();
            if (killSwitch.trip(reason)) {
                LOG.warn("kill switch tripped: {}", reason);
            }
        }
    }

    private RiskDecision decide(final OrderIntent intent, final long nowNs) {
        final int instrumentId = intent.instrumentId;
        if (instrumentId < 0 || instrumentId >= bookStates.length || intent.action == null) {
            return RiskDecision.INVALID_ORDER;
        }
        final Instrument instrument = instruments.byId(instrumentId);
        if (!orderVenues[instrument.venue().id()]) {
            return RiskDecision.VENUE_NOT_ENABLED;
        }
        final TradingState state = tradingStates.state();
        if (state == TradingState.HALTED) {
            return RiskDecision.TRADING_HALTED;
        }
        if (isVenueHalted(instrument.venue().id())) {
            return RiskDecision.VENUE_HALTED;
        }
        if (intent.action == OrderAction.CANCEL) {
            return RiskDecision.ACCEPTED;
        }
        if (intent.side == null || intent.type == null || intent.timeInForce == null
            || intent.qtyMantissa <= 0 || !instrument.isOnLot(intent.qtyMantissa)) {
            return RiskDecision.INVALID_ORDER;
        }
        if (intent.type == OrderType.LIMIT && (intent.priceMantissa <= 0 || !instrument.isOnTick(intent.priceMantissa))) {
            return RiskDecision.INVALID_ORDER;
        }
        if (killSwitch.isTripped()) {
            return RiskDecision.KILL_SWITCH;
        }
        if (pauses.isPaused(intent.strategyId)) {
            return RiskDecision.STRATEGY_PAUSED;
        }
        if (state == TradingState.REDUCING && !reduces(intent, positions[instrumentId].qty())) {
            return RiskDecision.REDUCE_ONLY;
        }
        if (bookStates[instrumentId] != BookState.VALID) {
            return RiskDecision.BOOK_NOT_VALID;
        }
        final long maxAge = limits.maxBookAgeNs();
        if (maxAge != RiskLimits.NO_LIMIT && (lastMarketNs[instrumentId] == Long.MIN_VALUE
            || nowNs - lastMarketNs[instrumentId] > maxAge)) {
            return RiskDecision.BOOK_STALE;
        }
        final RiskDecision venueFilter = venueFilters(instrument, intent);
        if (venueFilter != RiskDecision.ACCEPTED) {
            return venueFilter;
        }
        if (intent.qtyMantissa > limits.maxOrderQty(instrumentId)) {
            return RiskDecision.MAX_ORDER_QTY;
        }
        final long position = positions[instrumentId].qty();
        final long after = position + (intent.side == OrderSide.BUY ? intent.qtyMantissa : -intent.qtyMantissa);
        if (Math.abs(after) > limits.maxPosition(instrumentId) && Math.abs(after) > Math.abs(position)) {
            return RiskDecision.MAX_POSITION;
        }
        if (!admitByRate(nowNs)) {
            return RiskDecision.MAX_ORDER_RATE;
        }
        return RiskDecision.ACCEPTED;
    }

    /** The venue's filters (see the class comment): the first the order fails, or ACCEPTED. */
    private RiskDecision venueFilters(final Instrument instrument, final OrderIntent intent) {
        final boolean market = intent.type == OrderType.MARKET;
        if (instrument.isAboveVenueMaxQty(market, intent.qtyMantissa)) {
            return RiskDecision.ABOVE_VENUE_MAX_QTY;
        }
        final long reference = referencePrice(instrument.id());
        if (!market && instrument.isPriceOutOfBand(intent.side == OrderSide.BUY, intent.priceMantissa, reference)) {
            return RiskDecision.PRICE_OUT_OF_BAND;
        }
        if (!intent.reduceOnly
            && instrument.isBelowMinNotional(market ? reference : intent.priceMantissa, intent.qtyMantissa)) {
            return RiskDecision.BELOW_MIN_NOTIONAL;
        }
        return RiskDecision.ACCEPTED;
    }

    /** The last mark price, else the mid of the last valid book view, else 0. */
    private long referencePrice(final int instrumentId) {
        if (markPrices[instrumentId] > 0) {
            return markPrices[instrumentId];
        }
        final long bid = topOfBook.getPlain(2 * instrumentId);
        final long ask = topOfBook.getPlain(2 * instrumentId + 1);
        return bid > 0 && ask > 0 ? (bid + ask) / 2 : 0;
    }

    /** True when the order is on the other side of the filled position and no larger than it. */
    private static boolean reduces(final OrderIntent intent, final long position) {
        if (position == 0) {
            return false;
        }
        final boolean against = position > 0 ? intent.side == OrderSide.SELL : intent.side == OrderSide.BUY;
        return against && intent.qtyMantissa <= Math.abs(position);
    }

    /** Records an order at {@code nowNs} if fewer than the limit were accepted in the second before it. */
    private boolean admitByRate(final long nowNs) {
        final int capacity = limits.maxOrdersPerSecond();
        if (capacity == 0) {
            return true;
        }
        if (recentCount < capacity) {
            recentOrderNs[(recentHead + recentCount) % capacity] = nowNs;
            recentCount++;
            return true;
        }
        if (nowNs - recentOrderNs[recentHead] < SECOND_NS) {
            return false;
        }
        recentOrderNs[recentHead] = nowNs;
        recentHead = (recentHead + 1) % capacity;
        return true;
    }
}
