package io.ringtrader.sim.binance.gen;

/**
 * The absolute level quantities one event changed on one side, at most one entry per price (a later change of the
 * same price overwrites). Fixed arrays, reused per event. Not thread-safe.
 */
final class LevelChanges {
    private final long[] prices;
    private final long[] lots;
    private int size;

    LevelChanges(final int capacity) {
        this.prices = new long[capacity];
        this.lots = new long[capacity];
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    long price(final int i) {
        return prices[i];
    }

    long lots(final int i) {
        return lots[i];
    }

    /** Records the level's new absolute lots (0 = removed). */
    void set(final long price, final long newLots) {
        for (int i = 0; i < size; i++) {
            if (prices[i] == price) {
                lots[i] = newLots;
                return;
            }
        }
        if (size == prices.length) {
            throw new IllegalStateException("more than " + size + " level changes in one event");
        }
        prices[size] = price;
        lots[size] = newLots;
        size++;
    }
}
