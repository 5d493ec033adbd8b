package io.ringtrader.engine.gateway;

import io.ringtrader.engine.config.VenueConfigSchema;
import io.ringtrader.engine.config.VenueSettings;
import io.ringtrader.engine.instrument.Venue;
import java.util.List;

/**
 * A venue's gateway as the engine finds it: registered with {@link java.util.ServiceLoader} in
 * {@code META-INF/services/io.ringtrader.engine.gateway.GatewayProvider} of the gateway's module, and found by
 * {@link GatewayProviders#installed()}.
 *
 * <ul>
 *   <li>{@link #venue()}: the venue it provides, whose id ({@link Venue#id()}, written to journals) and config name
 *       ({@code venues.<name>}, the prefix of {@code name:SYMBOL}) are stable;</li>
 *   <li>{@link #configSchema()}: how it reads its {@code venues.<name>} section (the config loader calls it for every
 *       installed gateway, whether the file has the section or not);</li>
 *   <li>{@link #open}: the gateway of one session, once the venue is enabled: its producer (market data and the user
 *       stream) and, for live trading, its venue stage (order entry);</li>
 *   <li>{@link #captureImporters()}: what {@code import capture --venue} can read for the venue.</li>
 * </ul>
 * A provider needs a public no-argument constructor and keeps no state of its own: every method may be called from
 * any thread, any number of times.
 */
public interface GatewayProvider {
    /** The venue this gateway connects. */
    Venue venue();

    /** The schema of {@code venues.<venue().configName()>}. */
    VenueConfigSchema configSchema();

    /**
     * The gateway of one session: nothing connects until the engine starts its producer.
     *
     * @param settings the venue's section as {@link #configSchema()} read it (enabled).
     * @param context  what the engine gives every gateway.
     * @throws IllegalArgumentException when the session cannot use the gateway as configured (no instrument on the
     *                                  venue, live trading without credentials): the session does not start.
     */
    Gateway open(VenueSettings settings, GatewayContext context);

    /** The raw-capture importers of this venue ({@code import capture --venue NAME}); none by default. */
    default List<VenueCaptureImporter> captureImporters() {
        return List.of();
    }
}
