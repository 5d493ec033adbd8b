package io.ringtrader.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The section of a venue reached over REST and WebSocket, read into a {@link VenueConfig}: {@code enabled},
 * {@code restUrl}, {@code wsUrl}, {@code apiKey}, {@code apiSecret}, {@code passphrase} (only where the venue uses
 * one), {@code streams} ({@link MarketStreamsConfig}) and {@code connection} ({@link ConnectionConfig}). A gateway
 * gives its venue's name and public endpoints; live trading needs the key and secret (and the passphrase, where used).
 *
 * <p>Immutable; any thread.
 */
public final class StandardVenueSchema implements VenueConfigSchema {
    private final String name;
    private final String defaultRestUrl;
    private final String defaultWsUrl;
    private final boolean passphrase;

    /**
     * @param name           the venue's config name.
     * @param defaultRestUrl {@code restUrl} unless configured: the venue's public REST base URL.
     * @param defaultWsUrl   {@code wsUrl} unless configured: the venue's public WebSocket base URL.
     * @param passphrase     the venue's API keys have a passphrase besides key and secret (Bitget).
     */
    public StandardVenueSchema(final String name, final String defaultRestUrl, final String defaultWsUrl,
        final boolean passphrase) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultRestUrl = Objects.requireNonNull(defaultRestUrl, "defaultRestUrl");
        this.defaultWsUrl = Objects.requireNonNull(defaultWsUrl, "defaultWsUrl");
        this.passphrase = passphrase;
    }

    @Override
    public VenueConfig read(final ConfigNode section) {
        return VenueConfig.read(section, name, defaultRestUrl, defaultWsUrl, passphrase);
    }

    @Override
    public List<String> missingForLiveTrading(final VenueSettings settings) {
        final VenueConfig venue = (VenueConfig)settings;
        final List<String> missing = new ArrayList<>(3);
        if (venue.apiKey().isEmpty()) {
            missing.add("apiKey");
        }
        if (venue.apiSecret().isEmpty()) {
            missing.add("apiSecret");
        }
        if (passphrase && venue.passphrase().isEmpty()) {
            missing.add("passphrase");
        }
        return missing;
    }
}
