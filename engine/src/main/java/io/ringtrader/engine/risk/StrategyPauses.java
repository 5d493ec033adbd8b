package io.ringtrader.engine.risk;

import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OperatorCommand;
import io.ringtrader.engine.event.RejectCodes;
import io.ringtrader.engine.strategy.StrategyContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The strategy-pause rule ({@code risk.maxConsecutiveVenueRejects}): that many venue rejects in a row of one
 * strategy's orders pause the strategy, and the risk stage refuses its new orders
 * ({@link io.ringtrader.engine.event.RiskDecision#STRATEGY_PAUSED}; its cancels still pass) until an operator resumes
 * it ({@link OperatorCommand#STRATEGY_RESUME}). Decided from the ring alone, so a replay pauses and resumes where the
 * live session did:
 * <ul>
 *   <li>an {@link ExecType#REJECT} execution report with a venue's code ({@link RejectCodes#isVenueReject}) counts
 *       one for the strategy of its client order id ({@link StrategyContext#strategyIdOf}: the id carries it, no map);
 *       a cancel the venue refused counts too;</li>
 *   <li>an {@link ExecType#ACK}, {@link ExecType#FILL} or {@link ExecType#CANCELED} of the strategy's orders (the venue
 *       took one) sets its count back to zero;</li>
 *   <li>local rejects (the paper venue's, a gateway's own refusals: {@link RejectCodes#isLocalReject}) neither count
 *       nor reset: they say nothing of what the venue thinks of the strategy's orders;</li>
 *   <li>a resume sets the count to zero; the pause comes back only after another full run of rejects.</li>
 * </ul>
 *
 * <p>Single writer: the risk stage's thread ({@link #onExecutionReport}, {@link #resume}), allocation-free except for
 * the log line of a pause. Any thread reads {@link #isPaused}, {@link #consecutiveRejects} and {@link #pauses}.
 */
public final class StrategyPauses {
    /** A rule that never pauses (no strategies known, or {@code maxConsecutiveVenueRejects: 0}). */
    public static final int OFF = 0;

    private final int maxConsecutive;
    private final String[] names;
    private final AtomicIntegerArray consecutive;
    private final AtomicIntegerArray paused;
    private final AtomicIntegerArray lastRejectCode;
    private volatile long pauses;

    /**
     * @param maxConsecutive venue rejects in a row that pause a strategy; {@link #OFF} for never.
     * @param strategyNames  the configured strategies by strategy id (their index in {@code strategies:}).
     */
    public StrategyPauses(final int maxConsecutive, final List<String> strategyNames) {
        if (maxConsecutive < 0) {
            throw new IllegalArgumentException("maxConsecutive must be >= 0: " + maxConsecutive);
        }
        this.maxConsecutive = maxConsecutive;
        this.names = strategyNames.toArray(new String[0]);
        this.consecutive = new AtomicIntegerArray(names.length);
        this.paused = new AtomicIntegerArray(names.length);
        this.lastRejectCode = new AtomicIntegerArray(names.length);
    }

    /** A rule that never pauses and knows no strategies. */
    public static StrategyPauses none() {
        return new StrategyPauses(OFF, List.of());
    }

    /**
     * Counts an execution report for its strategy. Risk thread only.
     *
     * @return true when this report paused the strategy.
     */
    boolean onExecutionReport(final InboundEvent event) {
        final int strategyId = StrategyContext.strategyIdOf(event.clientOrderId);
        if (strategyId < 0 || strategyId >= names.length || event.execType == null) {
            return false;
        }
        if (event.execType != ExecType.REJECT) {
            consecutive.set(strategyId, 0);
            return false;
        }
        if (!RejectCodes.isVenueReject(event.rejectCode)) {
            return false;
        }
        final int count = consecutive.get(strategyId) + 1;
        consecutive.set(strategyId, count);
        lastRejectCode.set(strategyId, event.rejectCode);
        if (maxConsecutive == OFF || count < maxConsecutive || paused.get(strategyId) != 0) {
            return false;
        }
        paused.set(strategyId, 1);
        pauses = pauses + 1;
        return true;
    }

    /**
     * Resumes one strategy, or every one with {@link OperatorCommand#ALL_STRATEGIES}. Risk thread only.
     *
     * @return how many paused strategies resumed.
     */
    int resume(final int strategyId) {
        int resumed = 0;
        for (int id = 0; id < names.length; id++) {
            if (strategyId == OperatorCommand.ALL_STRATEGIES || strategyId == id) {
                consecutive.set(id, 0);
                if (paused.get(id) != 0) {
                    paused.set(id, 0);
                    resumed++;
                }
            }
        }
        return resumed;
    }

    /** True while the strategy is paused; any thread. Unknown ids are never paused. */
    public boolean isPaused(final int strategyId) {
        return strategyId >= 0 && strategyId < names.length && paused.get(strategyId) != 0;
    }

    /** The strategy's venue rejects in a row so far; any thread. */
    public int consecutiveRejects(final int strategyId) {
        return strategyId >= 0 && strategyId < names.length ? consecutive.get(strategyId) : 0;
    }

    /** The venue code of the strategy's last venue reject; 0 before one. Any thread. */
    public int lastRejectCode(final int strategyId) {
        return strategyId >= 0 && strategyId < names.length ? lastRejectCode.get(strategyId) : 0;
    }

    /** How many times a strategy was paused this session; any thread. */
    public long pauses() {
        return pauses;
    }

    /** Venue rejects in a row that pause a strategy; {@link #OFF} for never. */
    public int maxConsecutive() {
        return maxConsecutive;
    }

    /** The strategies known, by id. */
    public int strategyCount() {
        return names.length;
    }

    /** The configured name of a strategy id. */
    public String name(final int strategyId) {
        return names[strategyId];
    }

    /** The strategy id of a configured name, or -1. */
    public int idOf(final String name) {
        for (int id = 0; id < names.length; id++) {
            if (names[id].equals(name)) {
                return id;
            }
        }
        return -1;
    }
}
