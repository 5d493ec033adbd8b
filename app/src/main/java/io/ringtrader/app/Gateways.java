package io.ringtrader.app;

import io.ringtrader.engine.config.ExecutionMode;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.config.VenueSettings;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.gateway.Gateway;
import io.ringtrader.engine.gateway.GatewayContext;
import io.ringtrader.engine.gateway.GatewayProvider;
import io.ringtrader.engine.gateway.GatewayProviders;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.engine.runtime.EngineMode;
import io.ringtrader.engine.runtime.SessionTag;
import io.ringtrader.recorder.RawFrameWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Connects the enabled venues through the installed gateways ({@link GatewayProviders#installed()}): an engine
 * extension that opens each enabled venue's gateway, adds its producer (market data, user stream) and, for live
 * trading, its order entry as that venue's venue stage (the outbound side dispatches each command to its venue's stage
 * by venue id). Names no venue: whatever gateway is installed is wired the same way.
 *
 * <p>Used on the session's thread: {@link #extend} while the engine is assembled, {@link #atStop()} after it stopped.
 */
final class Gateways implements EngineExtension {
    private final RingTraderConfig config;
    private final EpochNanoClock clock;
    private final EngineMode mode;
    private final Supplier<RawFrameWriter> raw;
    private final SessionTag sessionTag;
    private final GatewayProviders providers;
    private final List<Gateway> opened = new ArrayList<>();

    /**
     * @param raw        gives a raw-frame writer of the session journal per gateway ({@code journal.recordRaw}); null
     *                   for none.
     * @param sessionTag the session's tag, which the gateways name the session's orders with on the venue.
     */
    Gateways(final RingTraderConfig config, final EpochNanoClock clock, final EngineMode mode,
        final Supplier<RawFrameWriter> raw, final SessionTag sessionTag) {
        this(config, clock, mode, raw, sessionTag, GatewayProviders.installed());
    }

    Gateways(final RingTraderConfig config, final EpochNanoClock clock, final EngineMode mode,
        final Supplier<RawFrameWriter> raw, final SessionTag sessionTag, final GatewayProviders providers) {
        this.config = config;
        this.clock = clock;
        this.mode = mode;
        this.raw = raw;
        this.sessionTag = sessionTag;
        this.providers = providers;
    }

    @Override
    public void extend(final Pipeline.Builder builder, final InstrumentRegistry instruments, final DistinctErrorHandler errors) {
        for (final VenueSettings venue : config.venues().enabled()) {
            final GatewayProvider provider = providers.find(venue.name());
            if (provider == null) {
                continue;
            }
            final boolean live = mode == EngineMode.TRADE && config.execution().modeOf(venue.name()) == ExecutionMode.LIVE;
            final Gateway gateway = provider.open(venue,
                new GatewayContext(instruments, config.pipeline().levelsPerSlot(), clock, errors, live, raw,
                    sessionTag.value()));
            opened.add(gateway);
            builder.producer(gateway.producer());
            if (live) {
                builder.venue(provider.venue(), gateway::orderEntry);
            }
        }
    }

    @Override
    public Set<String> connectedVenues() {
        final Set<String> connected = new TreeSet<>();
        for (final VenueSettings venue : config.venues().enabled()) {
            if (providers.find(venue.name()) != null) {
                connected.add(venue.name());
            }
        }
        return Set.copyOf(connected);
    }

    /**
     * At the session's stop, once the engine stopped (rings drained, gateways stopped): each venue's stop summary, in
     * venue id order (a live gateway takes {@code execution.onStop} over REST and reports what is still open). Blocks for
     * the requests.
     */
    List<String> atStop() {
        final List<String> lines = new ArrayList<>();
        for (final Gateway gateway : opened) {
            lines.addAll(gateway.stopSummary(config.execution().onStop()));
        }
        return lines;
    }
}
