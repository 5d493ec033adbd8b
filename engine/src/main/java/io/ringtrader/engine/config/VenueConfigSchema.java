package io.ringtrader.engine.config;

import java.util.List;

/**
 * A gateway's schema for its {@code venues.<name>} section: it reads the section with the {@link ConfigNode}
 * accessors (problems with file, line and column, no exceptions) and says what live trading needs of it. The engine
 * reads every installed gateway's section through its schema, present in the file or not (absent: every default,
 * disabled); a section under {@code venues:} that no installed gateway reads is refused.
 *
 * <p>Called once per load, on the loading thread. {@link StandardVenueSchema} is the section of a REST + WebSocket
 * venue (URLs, credentials, streams, connection) that a gateway may use as it is.
 */
public interface VenueConfigSchema {
    /**
     * Reads the section; calls {@link ConfigNode#requireNoUnknownKeys()} on it and on what it reads below it.
     *
     * @param section {@code venues.<name>}, empty when the file has none.
     */
    VenueSettings read(ConfigNode section);

    /**
     * The keys of the section that {@code execution.mode: live} needs set on an enabled venue and that are not (e.g.
     * {@code apiKey}); empty when it can trade live. Each is reported at the section as "must be set when
     * execution.mode is live and the venue is enabled".
     *
     * @param settings what {@link #read} returned.
     */
    List<String> missingForLiveTrading(VenueSettings settings);
}
