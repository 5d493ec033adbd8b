package io.ringtrader.strategies;

import io.ringtrader.engine.config.StandardVenueSchema;
import io.ringtrader.engine.config.VenueConfigSchema;
import io.ringtrader.engine.config.VenueSettings;
import io.ringtrader.engine.gateway.Gateway;
import io.ringtrader.engine.gateway.GatewayContext;
import io.ringtrader.engine.gateway.GatewayProvider;
import io.ringtrader.engine.instrument.Venue;

/**
 * Lets this module's tests load configs with Binance instruments and a {@code venues.binance} section (the demo): the
 * strategies module has no gateway of its own to depend on. Reads the standard section; opens nothing.
 */
public final class ConfigOnlyBinanceGateway implements GatewayProvider {
    @Override
    public Venue venue() {
        return Venue.BINANCE_USDM;
    }

    @Override
    public VenueConfigSchema configSchema() {
        return new StandardVenueSchema("binance", "https://fapi.binance.com", "wss://fstream.binance.com", false);
    }

    @Override
    public Gateway open(final VenueSettings settings, final GatewayContext context) {
        throw new UnsupportedOperationException("config tests only");
    }
}
