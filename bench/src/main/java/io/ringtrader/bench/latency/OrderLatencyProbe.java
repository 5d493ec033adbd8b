package io.ringtrader.bench.latency;

import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.pipeline.VenueStage;
import org.HdrHistogram.Histogram;

/**
 * The venue stage of the harness: where tick-to-order latency ends. On receipt of each order command from the
 * outbound ring it finds the frame that caused it (client order id → the delta's {@code pu} → the frame's
 * intended send time) and records {@code System.nanoTime() - intendedSendTime} when that frame was offered inside
 * the measurement window. Sends nothing.
 *
 * <p>Called on the venue thread only; allocation-free ({@link Histogram#recordValue} without auto-resize). Read
 * the results after the pipeline stopped.
 */
final class OrderLatencyProbe implements VenueStage {
    private final LatencyProbeStrategy strategy;
    private final IntendedSendTimes sendTimes;
    private final Histogram histogram;
    private volatile long windowStartNs = Long.MAX_VALUE;
    private volatile long windowEndNs = Long.MAX_VALUE;
    private long commands;
    private long rejected;
    private long unmatched;
    private long outsideWindow;
    private volatile long lastCauseKey = Long.MIN_VALUE;

    /** Measures nothing until {@link #window} is set. */
    OrderLatencyProbe(final LatencyProbeStrategy strategy, final IntendedSendTimes sendTimes, final Histogram histogram) {
        this.strategy = strategy;
        this.sendTimes = sendTimes;
        this.histogram = histogram;
    }

    /**
     * Sets the measurement window; any thread, before the window's first frame is offered.
     *
     * @param startNs first intended send time measured ({@code System.nanoTime()} scale), inclusive.
     * @param endNs   end of the window, exclusive.
     */
    void window(final long startNs, final long endNs) {
        windowEndNs = endNs;
        windowStartNs = startNs;
    }

    @Override
    public void onCommand(final OrderCommand command, final long sequence, final boolean endOfBatch) {
        final long nowNs = System.nanoTime();
        if (command.action != OrderAction.NEW) {
            return;
        }
        commands++;
        if (command.decision != RiskDecision.ACCEPTED) {
            rejected++;
        }
        final long causeKey = strategy.causePrevUpdateId(command.clientOrderId);
        final long intendedNs = sendTimes.intendedNanos(causeKey);
        lastCauseKey = causeKey;
        if (intendedNs == IntendedSendTimes.UNKNOWN) {
            unmatched++;
            return;
        }
        if (intendedNs < windowStartNs || intendedNs >= windowEndNs) {
            outsideWindow++;
            return;
        }
        histogram.recordValue(Math.min(Math.max(0, nowNs - intendedNs), histogram.getHighestTrackableValue()));
    }

    /** The {@code pu} of the frame behind the latest command; any thread. */
    long lastCauseKey() {
        return lastCauseKey;
    }

    /** New-order commands seen. */
    long commands() {
        return commands;
    }

    /** Commands the risk stage did not accept (measured all the same: they are on the ring). */
    long rejected() {
        return rejected;
    }

    /** Commands whose frame was not found. */
    long unmatched() {
        return unmatched;
    }

    /** Commands caused by frames of the warm-up or after the window. */
    long outsideWindow() {
        return outsideWindow;
    }
}
