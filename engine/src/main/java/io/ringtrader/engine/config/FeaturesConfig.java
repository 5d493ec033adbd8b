package io.ringtrader.engine.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The feature stage.
 *
 * @param levels      book levels per side the order-book imbalances use, 1 to 10.
 * @param tradeWindow length of the sliding window of the trade-flow imbalance (event time).
 */
public record FeaturesConfig(int levels, Duration tradeWindow) {
    static final int DEFAULT_LEVELS = 5;
    static final int MAX_LEVELS = 10;
    static final Duration DEFAULT_TRADE_WINDOW = Duration.ofSeconds(1);
    static final Duration MIN_TRADE_WINDOW = Duration.ofMillis(1);

    public FeaturesConfig {
        Objects.requireNonNull(tradeWindow, "tradeWindow");
    }

    static FeaturesConfig read(final ConfigNode node) {
        final int levels = node.optionalInt("levels", DEFAULT_LEVELS, 1, MAX_LEVELS);
        final Duration tradeWindow = node.optionalDuration("tradeWindow", DEFAULT_TRADE_WINDOW, MIN_TRADE_WINDOW);
        node.requireNoUnknownKeys();

        return new FeaturesConfig(levels, tradeWindow);
    }
}
