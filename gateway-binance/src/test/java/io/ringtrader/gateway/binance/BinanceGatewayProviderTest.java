package io.ringtrader.gateway.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ringtrader.engine.config.ConfigException;
import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.config.VenueConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.gateway.GatewayContext;
import io.ringtrader.engine.gateway.GatewayProvider;
import io.ringtrader.engine.gateway.GatewayProviders;
import io.ringtrader.engine.gateway.VenueCaptureImporter;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.time.ManualEpochNanoClock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Binance gateway registers through the engine's gateway SPI: venue, section schema, gateway, capture importer. */
class BinanceGatewayProviderTest {
    @TempDir
    Path dir;

    @Test
    void shouldBeTheInstalledGatewayOfBinance() {
        final GatewayProvider provider = GatewayProviders.installed().find("binance");

        assertInstanceOf(BinanceGatewayProvider.class, provider);
        assertSame(provider, GatewayProviders.installed().find(Venue.BINANCE_USDM));
    }

    @Test
    void shouldReadVenuesBinanceWithBinancesPublicEndpointsAndNoPassphrase() {
        final VenueConfig binance = load("{}").venues().venueConfig("binance");

        assertEquals(BinanceGatewayProvider.REST_URL, binance.restUrl());
        assertEquals(BinanceGatewayProvider.WS_URL, binance.wsUrl());
        final ConfigException e = assertThrows(ConfigException.class,
            () -> load("venues:\n  binance: {passphrase: x}\n"));
        assertEquals("venues.binance.passphrase", e.problems().get(0).path());
    }

    @Test
    void shouldOfferTheBinanceCaptureImporter() {
        final VenueCaptureImporter importer = GatewayProviders.installed().captureImporter("binance-usdm");

        assertEquals(Venue.BINANCE_USDM, importer.venue());
        assertEquals(List.of("hftbacktest", "cryptofeed", "journal-raw"), importer.formats());
        assertEquals("no such file: " + dir.resolve("none.txt"), importer.inputProblem("hftbacktest", dir.resolve("none.txt")));
        assertEquals(dir + " holds no raw/ journal (record with journal.recordRaw: true or import --raw)",
            importer.inputProblem("journal-raw", dir));
    }

    @Test
    void shouldRefuseToOpenLiveOrderEntryWithoutCredentials() {
        final RingTraderConfig config = load("instruments:\n"
            + "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}\n"
            + "venues:\n  binance: {enabled: true}\n");
        final GatewayContext context = new GatewayContext(Engine.registry(config.instruments()), 32,
            new ManualEpochNanoClock(0), new DistinctErrorHandler(), true, () -> null);

        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new BinanceGatewayProvider().open(config.venues().section("binance"), context));
        assertEquals("venues.binance: live order entry needs apiKey and apiSecret", e.getMessage());
    }

    private static RingTraderConfig load(final String yaml) {
        return ConfigLoader.parse(yaml, "provider-test.yaml", name -> null).config();
    }
}
