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
 */
public interface EngineMXBean {
    /** {@code TRADE} or {@code RECORD}. */
    String getMode();

    /** Inbound events published so far (market data, execution reports, timer ticks). */
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

    /** Why the kill switch tripped; empty when it is not tripped. */
    String getKillSwitchReason();

    /** Times the kill switch tripped since start. */
    long getKillSwitchTrips();

    /** Realised plus unrealised PnL of the session over all instruments, quote currency. */
    double getSessionPnl();

    /** The position of every configured instrument, in instrument order. */
    PositionInfo[] getPositions();

    /**
     * Trips the kill switch: the risk stage rejects every new order with {@code KILL_SWITCH} (cancels still
     * pass) until {@link #resetKillSwitch()}.
     *
     * @param reason shown in the status line and {@link #getKillSwitchReason()}; blank gives {@code tripped over JMX}.
     * @return true if this call tripped it, false if it was already tripped (the first reason is kept).
     */
    boolean tripKillSwitch(String reason);

    /** Resets the kill switch; a session loss still beyond the limit trips it again on the next event. */
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
}
