package io.ringtrader.gateway.binance.marketdata;

/** Binance millisecond timestamps to engine nanoseconds. */
public final class BinanceTime {
    /** Largest millisecond value whose nanoseconds fit a {@code long}. */
    public static final long MAX_MS = Long.MAX_VALUE / 1_000_000L;

    private BinanceTime() {
    }

    /** True if {@code ms} is a usable timestamp (0..{@link #MAX_MS}). */
    public static boolean valid(final long ms) {
        return ms >= 0 && ms <= MAX_MS;
    }

    /** Milliseconds since the epoch to nanoseconds. */
    public static long toNanos(final long ms) {
        return ms * 1_000_000L;
    }
}
