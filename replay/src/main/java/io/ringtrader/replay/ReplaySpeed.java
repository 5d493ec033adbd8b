package io.ringtrader.replay;

/**
 * How fast a replay runs: {@code max} (as fast as possible) or {@code <N>x} of the recorded pace,
 * e.g. {@code 1x}, {@code 10x}, {@code 0.5x}. Pacing only spaces out the events; the results do not
 * depend on it.
 *
 * @param factor 0 for max, else the multiple of recorded pace.
 */
public record ReplaySpeed(double factor) {
    public static final ReplaySpeed MAX = new ReplaySpeed(0);

    public ReplaySpeed {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("speed factor must be >= 0: " + factor);
        }
    }

    /** Parses {@code max}, {@code 1x}, {@code 10x}, {@code 0.5x}. */
    public static ReplaySpeed parse(final String text) {
        final String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("max")) {
            return MAX;
        }
        if (value.endsWith("x")) {
            try {
                final double factor = Double.parseDouble(value.substring(0, value.length() - 1));
                if (factor > 0 && !Double.isInfinite(factor)) {
                    return new ReplaySpeed(factor);
                }
            } catch (final NumberFormatException ignore) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("'" + text + "': expected max or a positive multiple such as 1x, 10x, 0.5x");
    }

    public boolean isMax() {
        return factor == 0;
    }

    /** Wall-clock nanoseconds to wait for {@code eventDeltaNs} of recorded time. */
    public long wallNanos(final long eventDeltaNs) {
        return isMax() || eventDeltaNs <= 0 ? 0 : (long)(eventDeltaNs / factor);
    }

    @Override
    public String toString() {
        return isMax() ? "max" : factor + "x";
    }
}
