package io.ringtrader.sim;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Small helpers for the simulator's own worker threads. */
public final class Threads {
    private Threads() {
    }

    /**
     * Wakes a worker that may be parked (it must already have been told to stop) and waits up to {@code timeout}
     * for it to end; an interrupt of the caller is kept. Returns true when the thread ended (or was null).
     */
    public static boolean unparkAndJoin(final Thread worker, final Duration timeout) {
        if (worker == null) {
            return true;
        }
        LockSupport.unpark(worker);
        try {
            worker.join(timeout.toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !worker.isAlive();
    }
}
