package io.ringtrader.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The venues the engine knows, each disabled unless configured.
 *
 * @param binance Binance USDⓈ-M futures.
 * @param bitget  Bitget USDT-FUTURES.
 */
public record VenuesConfig(VenueConfig binance, VenueConfig bitget) {
    public VenuesConfig {
        Objects.requireNonNull(binance, "binance");
        Objects.requireNonNull(bitget, "bitget");
    }

    /**
     * @return the enabled venues, Binance first.
     */
    public List<VenueConfig> enabled() {
        final List<VenueConfig> enabled = new ArrayList<>(2);
        for (final VenueConfig venue : List.of(binance, bitget)) {
            if (venue.enabled()) {
                enabled.add(venue);
            }
        }
        return List.copyOf(enabled);
    }

    static VenuesConfig read(final ConfigNode node) {
        final VenueConfig binance = VenueConfig.read(
            node.section(VenueConfig.BINANCE), VenueConfig.BINANCE, VenueConfig.BINANCE_REST_URL, VenueConfig.BINANCE_WS_URL);
        final VenueConfig bitget = VenueConfig.read(
            node.section(VenueConfig.BITGET), VenueConfig.BITGET, VenueConfig.BITGET_REST_URL, VenueConfig.BITGET_WS_URL);
        node.requireNoUnknownKeys();

        return new VenuesConfig(binance, bitget);
    }
}
