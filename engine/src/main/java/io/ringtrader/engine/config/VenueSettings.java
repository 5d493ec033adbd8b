package io.ringtrader.engine.config;

/**
 * One venue's section of the configuration ({@code venues.<name>}), as that venue's gateway read it with its own
 * {@link VenueConfigSchema}: what the engine needs of every venue (its name, whether it is enabled), and whatever else
 * the gateway reads (endpoints, credentials, streams) in the implementing type the gateway knows.
 *
 * <p>Immutable once loaded; any thread. {@link Object#toString()} never shows a credential's value (see
 * {@link Secret}).
 */
public interface VenueSettings {
    /** The venue's config name, the key under {@code venues:} (e.g. {@code binance}). */
    String name();

    /** Whether the session connects to the venue (and, with {@code execution.mode: live}, trades on it). */
    boolean enabled();
}
