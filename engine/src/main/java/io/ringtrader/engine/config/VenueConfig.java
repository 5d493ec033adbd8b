package io.ringtrader.engine.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The section of a venue reached over REST and WebSocket ({@link StandardVenueSchema}): endpoints, credentials,
 * market streams and connection settings. Immutable.
 *
 * @param name       the venue's config name, e.g. {@code binance}.
 * @param enabled    whether the engine connects to this venue.
 * @param restUrl    base URL of the REST API (http or https).
 * @param wsUrl      base URL of the public WebSocket API (ws or wss).
 * @param apiKey     API key; empty if not configured.
 * @param apiSecret  API secret; empty if not configured.
 * @param passphrase API passphrase, for a venue whose keys have one (Bitget); empty otherwise.
 * @param streams    the market data subscribed to for the venue's instruments.
 * @param connection reconnect, rotation, rate and REST settings.
 */
public record VenueConfig(
    String name,
    boolean enabled,
    String restUrl,
    String wsUrl,
    Secret apiKey,
    Secret apiSecret,
    Secret passphrase,
    MarketStreamsConfig streams,
    ConnectionConfig connection) implements VenueSettings {
    public VenueConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(wsUrl, "wsUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiSecret, "apiSecret");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(connection, "connection");
    }

    static VenueConfig read(final ConfigNode node, final String name, final String defaultRestUrl, final String defaultWsUrl,
        final boolean withPassphrase) {
        final boolean enabled = node.optionalBoolean("enabled", false);
        final String restUrl = node.optionalString("restUrl", defaultRestUrl, url -> checkUrl(url, List.of("http", "https")));
        final String wsUrl = node.optionalString("wsUrl", defaultWsUrl, url -> checkUrl(url, List.of("ws", "wss")));
        final Secret apiKey = node.optionalSecret("apiKey");
        final Secret apiSecret = node.optionalSecret("apiSecret");
        final Secret passphrase = withPassphrase ? node.optionalSecret("passphrase") : Secret.empty();
        final MarketStreamsConfig streams = MarketStreamsConfig.read(node.section("streams"));
        final ConnectionConfig connection = ConnectionConfig.read(node.section("connection"));
        node.requireNoUnknownKeys();

        return new VenueConfig(name, enabled, restUrl, wsUrl, apiKey, apiSecret, passphrase, streams, connection);
    }

    private static String checkUrl(final String url, final List<String> schemes) {
        final String problem = "must be an absolute " + String.join(" or ", schemes) + " URL, e.g. " +
            schemes.get(schemes.size() - 1) + "://host/path";
        try {
            final URI uri = new URI(url);
            final boolean valid = uri.isAbsolute() && uri.getHost() != null &&
                schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT));
            return valid ? null : problem;
        } catch (final URISyntaxException ex) {
            return problem + " (" + ex.getReason() + ")";
        }
    }

    /**
     * Shows whether credentials are set, never their values.
     */
    @Override
    public String toString() {
        return "VenueConfig[name=" + name + ", enabled=" + enabled + ", restUrl=" + restUrl + ", wsUrl=" + wsUrl +
            ", apiKey=" + apiKey + ", apiSecret=" + apiSecret + ", passphrase=" + passphrase +
            ", streams=" + streams + ", connection=" + connection + "]";
    }
}
