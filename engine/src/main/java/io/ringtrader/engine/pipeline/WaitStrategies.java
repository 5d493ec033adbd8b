package io.ringtrader.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import java.util.List;

/** Maps {@link WaitStrategyKind} to Disruptor wait strategies for one ring. */
final class WaitStrategies {
    private final WaitStrategy ringStrategy;

    /**
     * @param kinds the wait strategies of all threads consuming the ring.
     */
    WaitStrategies(final List<WaitStrategyKind> kinds) {
        // Only a blocking consumer needs the producers to signal on publish; otherwise publishing costs
        // no lock (the yielding strategy's signal is a no-op).
        ringStrategy = kinds.contains(WaitStrategyKind.BLOCKING) ? new BlockingWaitStrategy() : new YieldingWaitStrategy();
    }

    /** The strategy the ring is created with (its sequencer signals it on every publish). */
    WaitStrategy ringStrategy() {
        return ringStrategy;
    }

    /** The strategy for one consumer thread's barrier. */
    WaitStrategy forThread(final WaitStrategyKind kind) {
        return switch (kind) {
            case BLOCKING -> ringStrategy;
            case BUSY_SPIN -> new BusySpinWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
        };
    }
}
