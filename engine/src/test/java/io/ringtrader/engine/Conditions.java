package io.ringtrader.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for an observable condition with a deadline, for tests with threads (never sleeps for logic). */
public final class Conditions {
    private static final long DEADLINE_SECONDS = 20;

    private Conditions() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} after {@value #DEADLINE_SECONDS} s. */
    public static void awaitTrue(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting: " + what);
            }
            Thread.sleep(1);
        }
    }
}
