package io.ringtrader.engine;

import java.lang.management.ManagementFactory;

/**
 * Measures the heap bytes the calling thread allocates in steady state, to guard allocation-free paths in unit
 * tests. JMH's {@code -prof gc} on the benchmarks remains the reference measurement.
 */
public final class AllocationMeter {
    private static final int ROUNDS = 5;
    private static final int ITERATIONS_PER_ROUND = 20_000;

    private AllocationMeter() {
    }

    /**
     * Runs {@code action} in several rounds and reports the round that allocated least, so one-off costs of the
     * first runs (class initialisation, JIT transitions) are not counted while a per-run allocation always is.
     *
     * @param action to measure; created before the call.
     * @return bytes allocated by {@value #ITERATIONS_PER_ROUND} runs of {@code action}, net of the meter's overhead.
     */
    public static long steadyStateBytesAllocatedBy(final Runnable action) {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();

        long least = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            final long overheadStart = threads.getThreadAllocatedBytes(threadId);
            final long overheadEnd = threads.getThreadAllocatedBytes(threadId);
            final long start = threads.getThreadAllocatedBytes(threadId);
            for (int i = 0; i < ITERATIONS_PER_ROUND; i++) {
                action.run();
            }
            final long end = threads.getThreadAllocatedBytes(threadId);
            least = Math.min(least, (end - start) - (overheadEnd - overheadStart));
        }
        return least;
    }
}
