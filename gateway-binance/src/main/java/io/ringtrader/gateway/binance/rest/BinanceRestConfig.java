package io.ringtrader.gateway.binance.rest;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of the Binance USDⓈ-M REST client, validated on construction. Build with {@link #builder}; the
 * defaults suit the live venue ({@code recvWindow} 5 s, 2,400 request weight per minute, 300 orders per
 * 10 s, 1,200 orders per minute).
 *
 * @param baseUrl               scheme, host and port only: https for the venue, http for a loopback test venue.
 * @param apiKey                sent as {@code X-MBX-APIKEY}.
 * @param secretKey             signs requests; never printed ({@link #toString()} masks it).
 * @param recvWindowMs          {@code recvWindow} of signed requests, 1..60,000.
 * @param requestTimeout        per HTTP request.
 * @param weightLimitPerMinute  request weight the client allows itself per minute (the account's IP limit).
 * @param orderLimitPer10s      orders the client allows itself per 10 seconds.
 * @param orderLimitPerMinute   orders the client allows itself per minute.
 * @param defaultRetryAfter     back-off after a 429 or 418 without a {@code Retry-After} header.
 * @param unknownStatusQueries  how often an order whose execution status is unknown (HTTP 503) is queried.
 * @param unknownStatusBackoff  wait before the first such query; doubled for each further one.
 * @param ioThreads             threads of the client's own executor.
 */
public record BinanceRestConfig(
    URI baseUrl,
    String apiKey,
    String secretKey,
    long recvWindowMs,
    Duration requestTimeout,
    int weightLimitPerMinute,
    int orderLimitPer10s,
    int orderLimitPerMinute,
    Duration defaultRetryAfter,
    int unknownStatusQueries,
    Duration unknownStatusBackoff,
    int ioThreads) {

    /** The live venue's base URL. */
    public static final URI LIVE = URI.create("https://fapi.binance.com");

    /**
     * @throws IllegalArgumentException naming the bad setting.
     */
    public BinanceRestConfig {
        if (baseUrl == null || baseUrl.getScheme() == null || baseUrl.getHost() == null
            || !(baseUrl.getScheme().equals("https") || baseUrl.getScheme().equals("http"))) {
            throw new IllegalArgumentException("binance rest: baseUrl must be an http(s) URL with a host: " + baseUrl);
        }
        if (apiKey == null || secretKey == null || apiKey.isBlank() != secretKey.isBlank()) {
            throw new IllegalArgumentException("binance rest: apiKey and secretKey must be set together "
                + "(both empty: public endpoints only)");
        }
        if (recvWindowMs < 1 || recvWindowMs > 60_000) {
            throw new IllegalArgumentException("binance rest: recvWindowMs must be 1..60000: " + recvWindowMs);
        }
        positive("requestTimeout", requestTimeout);
        positive("defaultRetryAfter", defaultRetryAfter);
        positive("unknownStatusBackoff", unknownStatusBackoff);
        if (weightLimitPerMinute < 1 || orderLimitPer10s < 1 || orderLimitPerMinute < 1) {
            throw new IllegalArgumentException("binance rest: rate limits must be >= 1: weight/min=" + weightLimitPerMinute
                + ", orders/10s=" + orderLimitPer10s + ", orders/min=" + orderLimitPerMinute);
        }
        if (unknownStatusQueries < 1) {
            throw new IllegalArgumentException("binance rest: unknownStatusQueries must be >= 1: " + unknownStatusQueries);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("binance rest: ioThreads must be >= 1: " + ioThreads);
        }
    }

    /** Whether credentials are set; without them only public endpoints can be called. */
    public boolean hasCredentials() {
        return !apiKey.isBlank();
    }

    /** A builder with the defaults. */
    public static Builder builder(final URI baseUrl, final String apiKey, final String secretKey) {
        return new Builder(baseUrl, apiKey, secretKey);
    }

    /** The secret stays out of logs. */
    @Override
    public String toString() {
        return "BinanceRestConfig{baseUrl=" + baseUrl + ", apiKey=" + mask(apiKey) + ", secretKey=***, recvWindowMs="
            + recvWindowMs + ", requestTimeout=" + requestTimeout + ", weight/min=" + weightLimitPerMinute
            + ", orders/10s=" + orderLimitPer10s + ", orders/min=" + orderLimitPerMinute + ", defaultRetryAfter="
            + defaultRetryAfter + ", unknownStatusQueries=" + unknownStatusQueries + ", unknownStatusBackoff="
            + unknownStatusBackoff + ", ioThreads=" + ioThreads + '}';
    }

    private static String mask(final String key) {
        return key == null || key.length() < 8 ? "***" : key.substring(0, 4) + "***";
    }

    private static void positive(final String name, final Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("binance rest: " + name + " must be > 0: " + value);
        }
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final URI baseUrl;
        private final String apiKey;
        private final String secretKey;
        private long recvWindowMs = 5_000;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int weightLimitPerMinute = 2_400;
        private int orderLimitPer10s = 300;
        private int orderLimitPerMinute = 1_200;
        private Duration defaultRetryAfter = Duration.ofSeconds(60);
        private int unknownStatusQueries = 5;
        private Duration unknownStatusBackoff = Duration.ofMillis(200);
        private int ioThreads = 2;

        private Builder(final URI baseUrl, final String apiKey, final String secretKey) {
            this.baseUrl = baseUrl;
            this.apiKey = apiKey;
            this.secretKey = secretKey;
        }

        public Builder recvWindowMs(final long value) {
            recvWindowMs = value;
            return this;
        }

        public Builder requestTimeout(final Duration value) {
            requestTimeout = value;
            return this;
        }

        public Builder weightLimitPerMinute(final int value) {
            weightLimitPerMinute = value;
            return this;
        }

        public Builder orderLimitPer10s(final int value) {
            orderLimitPer10s = value;
            return this;
        }

        public Builder orderLimitPerMinute(final int value) {
            orderLimitPerMinute = value;
            return this;
        }

        public Builder defaultRetryAfter(final Duration value) {
            defaultRetryAfter = value;
            return this;
        }

        public Builder unknownStatusQueries(final int value) {
            unknownStatusQueries = value;
            return this;
        }

        public Builder unknownStatusBackoff(final Duration value) {
            unknownStatusBackoff = value;
            return this;
        }

        public Builder ioThreads(final int value) {
            ioThreads = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the bad setting. */
        public BinanceRestConfig build() {
            return new BinanceRestConfig(baseUrl, apiKey, secretKey, recvWindowMs, requestTimeout, weightLimitPerMinute,
                orderLimitPer10s, orderLimitPerMinute, defaultRetryAfter, unknownStatusQueries, unknownStatusBackoff,
                ioThreads);
        }
    }
}
