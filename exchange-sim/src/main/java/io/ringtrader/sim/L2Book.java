package io.ringtrader.sim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A price-level book with absolute quantities per level (a zero quantity removes the level), the reference shape a
 * venue publishes. Not thread-safe: the owner guards it.
 */
public final class L2Book {
    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

    /** Sets one level; a zero (or negative) quantity removes it. */
    public void set(final Side side, final BigDecimal price, final BigDecimal qty) {
        final NavigableMap<BigDecimal, BigDecimal> levels = levels(side);
        if (qty.signum() <= 0) {
            levels.remove(price);
        } else {
            levels.put(price, qty);
        }
    }

    /** Removes every level of both sides. */
    public void clear() {
        bids.clear();
        asks.clear();
    }

    /** Levels of one side, best first (a live view: do not modify). */
    public NavigableMap<BigDecimal, BigDecimal> levels(final Side side) {
        return side == Side.BID ? bids : asks;
    }

    /** The best level of a side or null when empty. */
    public Map.Entry<BigDecimal, BigDecimal> best(final Side side) {
        return levels(side).firstEntry();
    }

    /** Up to {@code depth} best levels of one side as {price, qty} pairs, best first. */
    public List<BigDecimal[]> top(final Side side, final int depth) {
        final List<BigDecimal[]> out = new ArrayList<>(Math.min(depth, levels(side).size()));
        for (final Map.Entry<BigDecimal, BigDecimal> e : levels(side).entrySet()) {
            if (out.size() >= depth) {
                break;
            }
            out.add(new BigDecimal[] {e.getKey(), e.getValue()});
        }
        return out;
    }

    /** Book side. */
    public enum Side {
        BID, ASK
    }
}
