package io.ringtrader.engine.runtime.jmx;

import java.io.IOException;
import java.util.Map;

/**
 * A running engine, registered as {@code io.ringtrader:type=Engine}: counters, risk state and the kill
 * switch. Any JMX thread may read and invoke it; reads are of volatile fields, atomics and seqlock
 * snapshots, and the operations are thread-safe.
 *
 * <p>In {@code record} mode there is no risk stage: the risk attributes are empty (no decisions, no positions,
 * PnL 0, kill switch not tripped) and the kill switch operations fail with {@link IllegalStateException}.
 * The kill switch operations are commands on the inbound ring (journaled, replayed), applied by the risk stage
 * a moment after the call returns.
 */
public interface EngineMXBean {
    /** {@code TRADE} or {@code RECORD}. */
    String getMode();

    /** Inbound events published so far (market data, execution reports, timer ticks, operator commands). */
    long getEventsPublished();

    /** Order commands published to the outbound ring so far. */
    long getOrderCommands();

    /** Errors and problems counted by the engine's error handler. */
    long getErrors();

    /** Milliseconds since the engine started (until it stopped), by the engine's clock. */
    long getUptimeMs();

    /** Intents decided per {@code RiskDecision} name (every decision but {@code PENDING}), since start. */
    Map<String, Long> getRiskDecisions();

    /** True while the kill switch is tripped: every new order is rejected with {@code KILL_SWITCH}. */
    boolean isKillSwitchTripped();

    /**
     * Why the kill switch tripped ({@code session loss limit: ...}, {@code operator: kill switch tripped (JMX)});
     * empty when it is not tripped. The same text live and in a replay of the session.
     */
    String getKillSwitchReason();

    /** Times the kill switch tripped since start. */
    long getKillSwitchTrips();

    /** Realised plus unrealised PnL of the session over all instruments, quote currency. */
    double getSessionPnl();

    /** The position of every configured instrument, in instrument order. */
    PositionInfo[] getPositions();

    /** The engine-wide trading state: ACTIVE, REDUCING or HALTED (journal failure, journal disk space). */
    String getTradingState();

    /** Why trading is not ACTIVE; empty when it is. */
    String getTradingStateReason();

    /** The first journal failure, as logged; empty while the journal works (or without one). */
    String getJournalFailure();

    /** Free bytes on the journal's file system at the last check; -1 when unknown or without a journal. */
    long getJournalFreeBytes();

    /** Order commands the venue stage did not send because they were not in the journal (journal.gateOrders). */
    long getOrdersNotSentUnjournaled();

    /**
     * Asks the engine to trip the kill switch: publishes an operator event (kill switch trip, source JMX) on the
     * inbound ring, where it is sequenced with market data and journaled; the risk stage trips the switch when it
     * reaches the event, live and in replay alike, with the reason {@code operator: kill switch tripped (JMX)}.
     * From then on it rejects every new order with {@code KILL_SWITCH} (cancels still pass) until a reset.
     *
     * <p>Asynchronous: {@link #isKillSwitchTripped()} read right after the call may still be false for a moment
     * (until the risk stage has caught up with the ring).
     *
     * @param reason the operator's note; logged with the event's sequence and receive time (a ring event carries
     *               no text, so it is neither journaled nor shown as {@link #getKillSwitchReason()}).
     * @return true: the command was published (failures throw). It does not say whether the switch was tripped
     *         already; then the first reason is kept.
     * @throws IllegalStateException when the command could not be published: the engine is not running (or
     *                               stopping), the inbound ring is full, or there is no risk stage (record mode).
     */
    boolean tripKillSwitch(String reason);

    /**
     * Asks the engine to reset the kill switch: publishes an operator event (kill switch reset, source JMX), which
     * the risk stage applies when it reaches it (asynchronous, as {@link #tripKillSwitch}). A session loss still
     * beyond the limit trips it again on the next event that revalues a position.
     *
     * @throws IllegalStateException when the command could not be published (as {@link #tripKillSwitch}).
     */
    void resetKillSwitch();

    /**
     * Writes the per-stage {@code .hgrm} percentile files (session totals, microseconds) into the configured
     * telemetry directory now, replacing earlier ones; does not end a {@code .hlog} interval.
     *
     * @return the absolute paths written.
     */
    String[] dumpHistograms() throws IOException;

    /** The status line over the whole session (average rate since start, session latency percentiles). */
    String status();

    /** Each venue of the configured instruments: connection state, order-entry halt, venue rejects. */
    VenueInfo[] getVenues();

    /** Each configured instrument's book: state, best prices, whether the prices shown are stale. */
    BookInfo[] getBooks();

    /** Venue rejects by venue and the venue's code, e.g. {@code binance -1022} to its count, since start. */
    Map<String, Long> getVenueRejects();

    /** The strategies paused after {@code risk.maxConsecutiveVenueRejects} venue rejects in a row, by name. */
    String[] getPausedStrategies();

    /**
     * Asks the engine to resume a paused strategy: publishes an operator event (strategy resume, source JMX, target the
     * strategy's id), which the risk stage applies when it reaches it (asynchronous, journaled, replayed, as
     * {@link #tripKillSwitch}); its count of consecutive venue rejects starts from zero.
     *
     * @param name a configured strategy name.
     * @throws IllegalArgumentException for a name no strategy has.
     * @throws IllegalStateException    when the command could not be published (as {@link #tripKillSwitch}).
     */
    void resumeStrategy(String name);

    /** As {@link #resumeStrategy}, for every paused strategy. */
    void resumeAllStrategies();
}
